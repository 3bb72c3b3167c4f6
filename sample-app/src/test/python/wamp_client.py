"""One interop scenario of autobahn-python (Debian's python3-autobahn, Twisted) against the sample app.

    /usr/bin/python3 wamp_client.py ws://127.0.0.1:PORT/ws realm1 json|msgpack|cbor TOKEN

Joins with the one serializer given, calls the sample's annotated procedures, registers procedures that the app calls
back through WampTemplate (test.remote.call), subscribes and publishes, then prints what it observed as one line
"@@wamp-python {json}" (binaries as {"$bytes": base64}) for the Java test to check, and leaves. Exits non-zero on
any failure; a watchdog ends it after 60 s whatever happens.
"""

import base64
import hashlib
import json
import sys

from autobahn.twisted.wamp import ApplicationRunner, ApplicationSession
from autobahn.wamp.exception import ApplicationError
from autobahn.wamp import serializer as wamp_serializers
from autobahn.wamp.types import CallResult, PublishOptions
from twisted.internet import reactor
from twisted.internet.defer import Deferred, inlineCallbacks

from client_options import WEBSOCKET_OPTIONS

URL, REALM, SERIALIZER, TOKEN = sys.argv[1:5]
PREFIX = 'interop.python.' + SERIALIZER
ALL_BYTES = bytes(range(256))
BIG = bytes((i * 31 + 7) % 256 for i in range(1 << 20))
TEXT = '0123456789abcdef' * 2000

exit_code = [1]


def report(observed):
    # Twisted's logging takes over sys.stdout once the runner starts: write to the real one
    sys.__stdout__.write('@@wamp-python ' + json.dumps(observed) + '\n')
    sys.__stdout__.flush()


def wire(value):
    """A received value as JSON for the Java test: bytes become {"$bytes": base64}."""
    if isinstance(value, (bytes, bytearray)):
        return {'$bytes': base64.b64encode(bytes(value)).decode('ascii')}
    if isinstance(value, CallResult):
        return {'args': wire(list(value.results)), 'kwargs': wire(dict(value.kwresults))}
    if isinstance(value, (list, tuple)):
        return [wire(element) for element in value]
    if isinstance(value, dict):
        return {str(key): wire(element) for key, element in value.items()}
    return value


def error_of(failure_or_error):
    error = getattr(failure_or_error, 'value', failure_or_error)
    if isinstance(error, ApplicationError):
        return {'uri': error.error, 'args': wire(list(error.args)), 'kwargs': wire(dict(error.kwargs or {}))}
    raise error


class Scenario(ApplicationSession):

    @inlineCallbacks
    def onJoin(self, details):
        serializer = getattr(getattr(self._transport, '_serializer', None), 'SERIALIZER_ID', None)
        observed = {'serializer': serializer, 'session': details.session}
        try:
            # procedures the app calls back through WampTemplate
            def echo(*args, **kwargs):
                return CallResult(*args, **kwargs)

            def fail(*args, **kwargs):
                raise ApplicationError('com.example.error.python_failed', 'python says no', 7, ALL_BYTES[:4],
                                       reason='because', nested={'retry': False})

            yield self.register(echo, PREFIX + '.echo')
            yield self.register(fail, PREFIX + '.fail')

            # an event published by an annotated bean (OrderService, through WampTemplate)
            order_event = Deferred()

            def on_order(order, **kwargs):
                if not order_event.called and order.get('item') == 'pen' and order.get('quantity') == 4:
                    order_event.callback(order)

            yield self.subscribe(on_order, 'com.shop.order.created')

            observed['add2'] = wire((yield self.call('com.example.add2', 2, 3)))
            observed['stats'] = wire((yield self.call('com.shop.analytics.stats')))  # a CALL without args
            order = yield self.call('com.shop.order.create', item='pen', quantity=4)
            observed['order'] = wire(order)
            order_event.addTimeout(15, reactor)
            observed['orderEvent'] = wire((yield order_event))
            try:
                yield self.call('com.shop.order.create', item='pen', quantity=1000)
                observed['invalidOrder'] = 'accepted'
            except ApplicationError as error:
                observed['invalidOrder'] = error_of(error)
            observed['bytes'] = wire((yield self.call('test.bytes.inspect', ALL_BYTES)))
            text = yield self.call('test.echo', TEXT)
            observed['text'] = {'length': len(text), 'sha256': hashlib.sha256(text.encode('utf-8')).hexdigest()}
            big = yield self.call('test.echo', BIG)
            observed['big'] = {'type': type(big).__name__, 'length': len(big), 'sha256': hashlib.sha256(big).hexdigest()}
            # WampTemplate calls this client's procedures, and hands over result and error unchanged
            observed['remoteEcho'] = wire((yield self.call('test.remote.call', PREFIX + '.echo',
                                                           [1, 'two', ALL_BYTES], {'token': TOKEN})))
            try:
                yield self.call('test.remote.call', PREFIX + '.fail', [], {})
                observed['remoteFail'] = 'succeeded'
            except ApplicationError as error:
                observed['remoteFail'] = error_of(error)
            # an event for the annotated subscriber, read back by the Java test
            publication = yield self.publish('test.interop.event', TOKEN, ALL_BYTES[:8], token=TOKEN,
                                             bin=ALL_BYTES, options=PublishOptions(acknowledge=True))
            observed['publication'] = publication.id
            report(observed)
            exit_code[0] = 0
        except Exception as error:
            report({'failure': repr(error)})
        finally:
            self.leave()

    def onDisconnect(self):
        if reactor.running:
            reactor.stop()


def watchdog():
    report({'failure': 'watchdog: no result within 60 s'})
    if reactor.running:
        reactor.stop()


if __name__ == '__main__':
    # CBORSerializer exists only when cbor2 (python3-cbor2) is installed
    serializers = {'json': 'JsonSerializer', 'msgpack': 'MsgPackSerializer', 'cbor': 'CBORSerializer'}
    if not hasattr(wamp_serializers, serializers[SERIALIZER]):
        report({'failure': 'autobahn-python has no %s here (for cbor: apt-get install python3-cbor2)' % SERIALIZER})
        sys.exit(1)
    reactor.callLater(60, watchdog)
    runner = ApplicationRunner(URL, REALM, serializers=[getattr(wamp_serializers, serializers[SERIALIZER])()],
                               max_retries=0, websocket_options=WEBSOCKET_OPTIONS)
    runner.run(Scenario, log_level='warn')
    sys.exit(exit_code[0])
