"""WAMP-SCRAM with autobahn-python (Debian's python3-autobahn and python3-argon2, Twisted) against the sample app.

    /usr/bin/python3 scram_client.py ws://127.0.0.1:PORT/ws REALM json|msgpack|cbor AUTHID PASSWORD KDF

Joins with autobahn-python's AuthScram (method "scram"), which derives the key with the KDF the CHALLENGE names and
checks the router's signature in WELCOME (a wrong one denies the session). Prints one line "@@wamp-python {json}":
{"welcome": {authid, authrole, authmethod}, "kdf": ...} or {"abort": {reason}, "kdf": ...}, where "kdf" is what
the CHALLENGE named (null without CHALLENGE), and checks it against KDF (exit code 3 when it differs). A watchdog
ends it after 60 s whatever happens.
"""

import json
import sys

from autobahn.twisted.wamp import ApplicationRunner, Session
from autobahn.wamp import serializer as wamp_serializers
from autobahn.wamp.auth import AuthScram
from twisted.internet import reactor

from client_options import WEBSOCKET_OPTIONS

URL, REALM, SERIALIZER, AUTHID, PASSWORD, KDF = sys.argv[1:7]

outcome = {'kdf': None}
exit_code = [1]


def report(observed):
    # Twisted's logging takes over sys.stdout once the runner starts: write to the real one
    sys.__stdout__.write('@@wamp-python ' + json.dumps(observed) + '\n')
    sys.__stdout__.flush()


class RecordingScram(AuthScram):
    """autobahn-python's SCRAM, noting which KDF the router asked for."""

    def on_challenge(self, session, challenge):
        outcome['kdf'] = challenge.extra.get('kdf')
        return super().on_challenge(session, challenge)


class ScramSession(Session):

    def __init__(self, config=None):
        super().__init__(config)
        self.add_authenticator(RecordingScram(authid=AUTHID, password=PASSWORD))

    def on_join(self, details):
        outcome['welcome'] = {'authid': details.authid, 'authrole': details.authrole,
                              'authmethod': details.authmethod}
        self.leave()

    def on_leave(self, details):
        if 'welcome' not in outcome:
            outcome['abort'] = {'reason': details.reason, 'message': details.message}
        self.disconnect()

    def on_disconnect(self):
        finish()


def finish():
    if 'welcome' not in outcome and 'abort' not in outcome:
        outcome['failure'] = 'the connection ended without WELCOME or ABORT'
    report(outcome)
    exit_code[0] = 0 if outcome['kdf'] in (KDF, None) and 'failure' not in outcome else 3
    if reactor.running:
        reactor.stop()


def watchdog():
    outcome['failure'] = 'watchdog: no result within 60 s'
    finish()


if __name__ == '__main__':
    # CBORSerializer exists only when cbor2 (python3-cbor2) is installed
    serializers = {'json': 'JsonSerializer', 'msgpack': 'MsgPackSerializer', 'cbor': 'CBORSerializer'}
    reactor.callLater(60, watchdog)
    runner = ApplicationRunner(URL, REALM, serializers=[getattr(wamp_serializers, serializers[SERIALIZER])()],
                               max_retries=0, websocket_options=WEBSOCKET_OPTIONS)
    runner.run(ScramSession, log_level='warn')
    sys.exit(exit_code[0])
