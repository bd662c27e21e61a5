package io.runbook.transport.ssh;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A client of ssh-agent (the socket in SSH_AUTH_SOCK), speaking the agent protocol's two
 * requests that a login needs: list the keys, and sign with one. Private keys never leave the
 * agent. Java's own Unix domain sockets carry it, so no native library is needed.
 */
final class SshAgent {
  private static final byte REQUEST_IDENTITIES = 11;
  private static final byte IDENTITIES_ANSWER = 12;
  private static final byte SIGN_REQUEST = 13;
  private static final byte SIGN_RESPONSE = 14;
  /** Ask for rsa-sha2-256 signatures from an RSA key (OpenSSH refuses SHA-1 ones). */
  static final int RSA_SHA2_256 = 2;

  /** A key the agent holds: its public blob, its type, and the agent's comment. */
  record Identity(byte[] blob, String type, String comment) {}

  private final Path socket;

  SshAgent(Path socket) {
    this.socket = socket;
  }

  /** The agent of this process's environment, or null when there is none. */
  static SshAgent fromEnvironment() {
    String sock = System.getenv("SSH_AUTH_SOCK");
    return sock == null || sock.isBlank() ? null : new SshAgent(Path.of(sock));
  }

  List<Identity> identities() throws IOException {
    Reader r = call(new byte[] {REQUEST_IDENTITIES}, IDENTITIES_ANSWER);
    int n = r.int32();
    List<Identity> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] blob = r.string();
      String comment = new String(r.string(), StandardCharsets.UTF_8);
      String type = new String(new Reader(ByteBuffer.wrap(blob)).string(), StandardCharsets.US_ASCII);
      out.add(new Identity(blob, type, comment));
    }
    return out;
  }

  /** The signature blob (algorithm name and signature) over {@code data}. */
  byte[] sign(byte[] blob, byte[] data, int flags) throws IOException {
    ByteBuffer req = ByteBuffer.allocate(1 + 4 + blob.length + 4 + data.length + 4);
    req.put(SIGN_REQUEST).putInt(blob.length).put(blob).putInt(data.length).put(data).putInt(flags);
    return call(req.array(), SIGN_RESPONSE).string();
  }

  private Reader call(byte[] message, byte expected) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer out = ByteBuffer.allocate(4 + message.length).putInt(message.length).put(message).flip();
      while (out.hasRemaining()) {
        ch.write(out);
      }
      ByteBuffer len = readFully(ch, 4);
      int size = len.getInt();
      if (size <= 0 || size > 256 * 1024) {
        throw new IOException("ssh-agent sent a reply of " + size + " bytes");
      }
      ByteBuffer body = readFully(ch, size);
      byte type = body.get();
      if (type != expected) {
        throw new IOException("ssh-agent refused the request (reply " + type + ")");
      }
      return new Reader(body);
    }
  }

  private static ByteBuffer readFully(SocketChannel ch, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (ch.read(b) < 0) {
        throw new IOException("ssh-agent closed the connection");
      }
    }
    return b.flip();
  }

  /** Reads the agent protocol's uint32 and length-prefixed strings. */
  private record Reader(ByteBuffer buf) {
    int int32() {
      return buf.getInt();
    }

    byte[] string() {
      byte[] s = new byte[buf.getInt()];
      buf.get(s);
      return s;
    }
  }
}
