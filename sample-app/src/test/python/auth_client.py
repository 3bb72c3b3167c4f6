"""One authenticated join of autobahn-python (Debian's python3-autobahn, Twisted) to the sample app.

    /usr/bin/python3 auth_client.py ws://127.0.0.1:PORT/ws REALM json|msgpack|cbor METHOD AUTHID CREDENTIAL

METHOD is ticket, wampcra or cryptosign; AUTHID is '-' for none (cryptosign finds the principal from the key);
CREDENTIAL is the ticket, the WAMP-CRA secret (a salted key is derived from the CHALLENGE with autobahn's derive_key),
or the cryptosign private key (its 32-byte seed in hex; needs python3-nacl). Answers each CHALLENGE with autobahn's own
helpers and prints one line "@@wamp-python {json}": {"welcome": {authid, authrole, authmethod}} or
{"abort": {reason, message}}, or {"failure": ...}. A watchdog ends it after 30 s whatever happens.
"""

import json
import sys

from autobahn.twisted.wamp import ApplicationRunner, ApplicationSession
from autobahn.wamp import auth
from autobahn.wamp import serializer as wamp_serializers
from twisted.internet import reactor

from client_options import WEBSOCKET_OPTIONS

URL, REALM, SERIALIZER, METHOD, AUTHID, CREDENTIAL = sys.argv[1:7]

reported = [False]


def report(outcome):
    # Twisted's logging takes over sys.stdout once the runner starts: write to the real one
    if not reported[0]:
        reported[0] = True
        sys.__stdout__.write('@@wamp-python ' + json.dumps(outcome) + '\n')
        sys.__stdout__.flush()


def cryptosign_key():
    from autobahn.wamp.cryptosign import CryptosignKey
    return CryptosignKey.from_bytes(bytes.fromhex(CREDENTIAL))


class Join(ApplicationSession):

    def onConnect(self):
        authextra = {}
        if METHOD == 'cryptosign':
            self._key = cryptosign_key()
            authextra['pubkey'] = self._key.public_key()
        self.join(self.config.realm, authmethods=[METHOD], authid=None if AUTHID == '-' else AUTHID,
                  authextra=authextra)

    def onChallenge(self, challenge):
        if challenge.method == 'ticket':
            return CREDENTIAL
        if challenge.method == 'wampcra':
            key = CREDENTIAL.encode('utf8')
            if 'salt' in challenge.extra:
                key = auth.derive_key(key, challenge.extra['salt'], challenge.extra['iterations'],
                                      challenge.extra['keylen'])
            return auth.compute_wcs(key, challenge.extra['challenge'].encode('utf8')).decode('ascii')
        if challenge.method == 'cryptosign':
            return self._key.sign_challenge(challenge)
        raise Exception('cannot answer a %s challenge' % challenge.method)

    def onJoin(self, details):
        report({'welcome': {'authid': details.authid, 'authrole': details.authrole,
                            'authmethod': details.authmethod}})
        self.leave()

    def onLeave(self, details):
        # an ABORT instead of WELCOME ends up here, with its reason and message
        report({'abort': {'reason': details.reason, 'message': details.message}})
        self.disconnect()

    def onDisconnect(self):
        if reactor.running:
            reactor.stop()


def watchdog():
    report({'failure': 'watchdog: no result within 30 s'})
    if reactor.running:
        reactor.stop()


if __name__ == '__main__':
    serializers = {'json': 'JsonSerializer', 'msgpack': 'MsgPackSerializer', 'cbor': 'CBORSerializer'}
    if not hasattr(wamp_serializers, serializers[SERIALIZER]):
        report({'failure': 'autobahn-python has no %s here (for cbor: apt-get install python3-cbor2)' % SERIALIZER})
        sys.exit(1)
    reactor.callLater(30, watchdog)
    runner = ApplicationRunner(URL, REALM, serializers=[getattr(wamp_serializers, serializers[SERIALIZER])()],
                               max_retries=0, websocket_options=WEBSOCKET_OPTIONS)
    runner.run(Join, log_level='warn')
    sys.exit(0 if reported[0] else 1)
