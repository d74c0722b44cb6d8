"""Real mail servers on loopback for the tests: one that accepts (and refuses chosen
recipients with 550, or confirms a message only after a while), and one that accepts a
connection and never says a word."""

import asyncio
import contextlib
import socket
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller

from bench.server import free_port


class MailServer:
    """An SMTP server (aiosmtpd) keeping what it received in `messages`.

    With `confirm_after`, it keeps each message at once but says so (250) only that many
    seconds later: a slow server, whose confirmation may come after the sender gave up.
    """

    def __init__(self, confirm_after=0):
        self.confirm_after = confirm_after
        self.messages = []
        self.refused = set()
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    def recipients(self):
        return [message["To"] for message in self.messages]

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        await asyncio.sleep(self.confirm_after)
        return "250 Message accepted for delivery"

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc_info):
        self.controller.stop()


class SilentMailServer:
    """Listens, so connections are made, but never says a word: a stuck mail server."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.listener.setblocking(False)
        self.port = self.listener.getsockname()[1]
        self.held = []

    def connections_made(self):
        """How many connections have reached it so far (each is held open, unanswered)."""
        with contextlib.suppress(BlockingIOError):
            while True:
                self.held.append(self.listener.accept()[0])
        return len(self.held)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        for connection in self.held:
            connection.close()
        self.listener.close()


def smtp_mailer(port, timeout=10):
    """The MAILERS setting for a plain SMTP server on loopback."""
    options = {"host": "127.0.0.1", "port": port, "timeout": timeout}
    return {"default": {"BACKEND": "website.mail.EmailBackend", "OPTIONS": options}}
