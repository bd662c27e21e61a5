package io.runbook.transport.ssh;

import java.io.IOException;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * Public-key login (RFC 4252 §7) with a key that stays in ssh-agent: first ask whether the
 * server would accept the key, then send the request signed by the agent.
 */
final class AgentAuth extends AbstractAuthMethod {
  private final SshAgent agent;
  private final SshAgent.Identity key;

  AgentAuth(SshAgent agent, SshAgent.Identity key) {
    super("publickey");
    this.agent = agent;
    this.key = key;
  }

  /** RSA keys sign with SHA-256 (OpenSSH refuses ssh-rsa's SHA-1); others with their own type. */
  private String algorithm() {
    return key.type().equals("ssh-rsa") ? "rsa-sha2-256" : key.type();
  }

  @Override
  protected SSHPacket buildReq() throws UserAuthException {
    SSHPacket req = super.buildReq();
    req.putBoolean(false).putString(algorithm()).putString(key.blob());
    return req;
  }

  @Override
  public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
    if (cmd != Message.USERAUTH_60) {
      super.handle(cmd, buf);
      return;
    }
    SSHPacket signed = super.buildReq();
    signed.putBoolean(true).putString(algorithm()).putString(key.blob());
    byte[] data = new Buffer.PlainBuffer().putString(params.getTransport().getSessionID())
        .putRawBytes(signed.getCompactData()).getCompactData();
    try {
      signed.putString(agent.sign(key.blob(), data, key.type().equals("ssh-rsa") ? SshAgent.RSA_SHA2_256 : 0));
    } catch (IOException e) {
      throw new UserAuthException("ssh-agent could not sign: " + e.getMessage(), e);
    }
    params.getTransport().write(signed);
  }

  @Override
  public boolean shouldRetry() {
    return false;
  }
}
