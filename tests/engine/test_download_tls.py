"""The download's TLS: one verifying context that also trusts certifi's roots, a loopback HTTPS server with a
self-signed certificate refused with a plain message, the mirror list, and the pointer to Import on failure."""
import datetime
import functools
import hashlib
import http.server
import ipaddress
import shutil
import socket
import ssl
import subprocess
import sys
import threading
from contextlib import contextmanager

import pytest

from engine.data import cancel as cancel_module
from engine.data import download
from engine.data.download import CERTIFICATE_PROBLEM, IMPORT_HINT, Cancel, DownloadError, download_mnist

NAME = "tiny.gz"
DATA = bytes(range(256)) * 40
FILES = {NAME: hashlib.md5(DATA).hexdigest()}


@pytest.fixture(autouse=True)
def fresh_context():
    """Each test builds ssl_context() anew (it is cached), and leaves no context of its own behind."""
    download.ssl_context.cache_clear()
    yield
    download.ssl_context.cache_clear()


# ---------------------------------------------------------------- a self-signed certificate for 127.0.0.1
def _cert_with_cryptography(folder):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1)).not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                       serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))


def _cert_with_openssl(folder):
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-addext", "basicConstraints=critical,CA:TRUE",
                    "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
                   check=True, capture_output=True, timeout=60)


@pytest.fixture
def self_signed(tmp_path):
    """(cert.pem, key.pem) of a fresh self-signed certificate for 127.0.0.1 (no CA anywhere vouches for it)."""
    folder = tmp_path / "tls"
    folder.mkdir()
    try:
        _cert_with_cryptography(folder)
    except ImportError:
        if shutil.which("openssl") is None:
            pytest.skip("cannot make a test certificate: neither the cryptography package nor the openssl tool")
        _cert_with_openssl(folder)
    return folder / "cert.pem", folder / "key.pem"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a refused handshake is expected here, not news
        pass


@contextmanager
def serve_https(directory, cert, key):
    """A ThreadingHTTPServer on 127.0.0.1 speaking TLS with (cert, key); yields its base https URL."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    server.socket = tls.wrap_socket(server.socket, server_side=True)  # the handshake runs at accept
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def mirror(tmp_path):
    folder = tmp_path / "mirror"
    folder.mkdir()
    (folder / NAME).write_bytes(DATA)
    return folder


# ---------------------------------------------------------------- the context
def test_the_context_verifies_and_trusts_every_root_of_certifi():
    certifi = pytest.importorskip("certifi")
    context = download.ssl_context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert download.ssl_context() is context  # built once
    only_certifi = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    only_certifi.load_verify_locations(cafile=certifi.where())
    roots = {c["serialNumber"] + repr(c["subject"]) for c in only_certifi.get_ca_certs()}
    trusted = {c["serialNumber"] + repr(c["subject"]) for c in context.get_ca_certs()}
    assert len(roots) > 50 and roots <= trusted


def test_without_certifi_the_context_still_verifies_with_the_system_store(monkeypatch):
    monkeypatch.setitem(sys.modules, "certifi", None)  # `import certifi` raises ImportError
    calls = []
    monkeypatch.setattr(ssl.SSLContext, "load_verify_locations", lambda self, *a, **k: calls.append((a, k)))
    context = download.ssl_context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert calls == []


def test_a_missing_certifi_bundle_falls_back_to_the_system_store(monkeypatch, tmp_path):
    certifi = pytest.importorskip("certifi")
    monkeypatch.setattr(certifi, "where", lambda: str(tmp_path / "no_such_cacert.pem"))
    context = download.ssl_context()
    assert context.verify_mode == ssl.CERT_REQUIRED


# ---------------------------------------------------------------- a certificate nobody vouches for
@pytest.mark.parametrize("with_cancel", [False, True], ids=["plain", "cancellable"])
def test_a_self_signed_server_is_refused_with_a_plain_certificate_message(tmp_path, mirror, self_signed,
                                                                          with_cancel):
    dest = tmp_path / "mnist"
    with serve_https(mirror, *self_signed) as url:
        gen = download_mnist(dest, mirrors=[url], files=FILES, timeout=10, cancel=Cancel() if with_cancel else None)
        events = []
        with pytest.raises(DownloadError) as err:
            for event in gen:
                events.append(event)
    reasons = [e["reason"] for e in events if e["kind"] == "mirror_failed"]
    assert len(reasons) == 1 and reasons[0].startswith(CERTIFICATE_PROBLEM)
    assert "self-signed" in reasons[0] and "Traceback" not in reasons[0] and "SSL" not in reasons[0]
    message = str(err.value)
    assert NAME in message and CERTIFICATE_PROBLEM in message and message.endswith(IMPORT_HINT)
    assert list(dest.iterdir()) == []  # nothing written, not even a temporary file


@pytest.mark.parametrize("with_cancel", [False, True], ids=["plain", "cancellable"])
def test_the_same_server_is_used_once_its_certificate_is_trusted(tmp_path, mirror, self_signed, monkeypatch,
                                                                 with_cancel):
    """The control: the refusal above is the certificate's, not a broken server's or of https itself."""
    trusting = ssl.create_default_context(cafile=str(self_signed[0]))
    monkeypatch.setattr(cancel_module, "ssl_context", lambda: trusting)
    dest = tmp_path / "mnist"
    with serve_https(mirror, *self_signed) as url:
        events = list(download_mnist(dest, mirrors=[url], files=FILES, timeout=10,
                                     cancel=Cancel() if with_cancel else None))
    assert [e["url"] for e in events if e["kind"] == "file_done"] == [url + NAME]
    assert (dest / NAME).read_bytes() == DATA


def test_another_tls_failure_says_the_secure_connection_failed(tmp_path):
    """A server that answers TLS with plain bytes: not a certificate problem, and said so in one line."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)

        def answer():
            conn, _ = listener.accept()
            with conn:
                conn.recv(4096)
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        url = f"https://127.0.0.1:{listener.getsockname()[1]}/"
        events = []
        with pytest.raises(DownloadError):
            for event in download_mnist(tmp_path / "mnist", mirrors=[url], files=FILES, timeout=5):
                events.append(event)
        thread.join(5)
    reason = [e["reason"] for e in events if e["kind"] == "mirror_failed"][0]
    assert reason.startswith("the secure connection failed (") and CERTIFICATE_PROBLEM not in reason


# ---------------------------------------------------------------- mirrors and the way out
def test_the_mirrors_are_https_only_and_not_the_forbidden_one():
    assert download.MIRRORS and all(m.startswith("https://") for m in download.MIRRORS)
    assert not any("yann.lecun.com" in m or m.startswith("http://") for m in download.MIRRORS)


def test_when_every_mirror_fails_the_message_points_to_import(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/"
    with pytest.raises(DownloadError) as err:
        list(download_mnist(tmp_path / "mnist", mirrors=[dead], files=FILES))
    message = str(err.value)
    assert "cannot connect" in message and message.endswith(IMPORT_HINT)
    assert "Import folder…" in IMPORT_HINT and "Import file…" in IMPORT_HINT
    with pytest.raises(DownloadError, match="Import folder…"):
        list(download_mnist(tmp_path / "mnist", mirrors=[], files=FILES))
