package io.runbook.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a managed host returns is data: a {@code {{ ... }}} in a command's output, in an HTTP
 * body, or in a value tagged {@code !unsafe} is never evaluated, however it is passed on
 * (registered, copied with set_fact, looped over, written into a later command).
 */
class HostDataIsNeverCodeTests {
  private static final String PAYLOAD = "{{ 7 * 6 }} {{ lookup('env', 'HOME') }} {{ hostvars }}";

  @TempDir Path dir;

  @Test
  void aTemplateInACommandsOutputStaysText() throws Exception {
    Files.writeString(dir.resolve("payload.txt"), PAYLOAD + "\nsecond {{ 1 + 1 }}\n");
    RecordingListener l = new Fixture(dir).run("""
        - hosts: h1
          tasks:
            - name: read what the host says
              command: cat %s/payload.txt
              register: r
              changed_when: false
            - name: copy it
              set_fact:
                copied: "{{ r.stdout }}"
                lines: "{{ r.stdout_lines }}"
            - name: what was copied is the text itself
              assert:
                that:
                  - "'7 * 6' in copied"
                  - "'42' not in copied"
                  - copied == r.stdout
                  - lines[1] == 'second ' ~ '{' ~ '{ 1 + 1 }}'
            - name: each line is data in a loop too
              assert:
                that: "'{' ~ '{' in item"
              loop: "{{ r.stdout_lines }}"
            - name: and in a later command, which gets it as one word
              command: printf '%%s' "{{ copied }}"
              register: echoed
              changed_when: false
            - name: the command printed the text, not its value
              assert:
                that: echoed.stdout == copied
        """.formatted(dir));
    assertThat(l.of("what was copied is the text itself")).containsExactly("ok h1");
    assertThat(l.of("each line is data in a loop too")).containsExactly("ok h1", "ok h1");
    assertThat(l.of("the command printed the text, not its value")).containsExactly("ok h1");
  }

  @Test
  void aTemplateInAnHttpBodyStaysText() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = ("{\"v\": \"" + PAYLOAD.replace("'", "\\u0027") + "\"}").getBytes(StandardCharsets.UTF_8);
    server.createContext("/status", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      RecordingListener l = new Fixture(dir).run("""
          - hosts: h1
            tasks:
              - name: ask
                http:
                  url: "http://127.0.0.1:%d/status"
                register: r
              - name: keep it
                set_fact:
                  v: "{{ r.json.v }}"
              - name: the body is data
                assert:
                  that:
                    - "'7 * 6' in v"
                    - "'42' not in v"
                    - v == r.json.v
          """.formatted(server.getAddress().getPort()));
      assertThat(l.of("the body is data")).containsExactly("ok h1");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aHostileValueInAQuotedPlaceOfAShellScriptRunsNothing() {
    RecordingListener l = new Fixture(dir).run("""
        - hosts: h1
          vars:
            v: "x'; touch %1$s/PWNED; echo '"
          tasks:
            - name: single quotes around the template, as operators write them
              shell: |
                echo '{{ v }}' > %1$s/out
                echo "{{ v }}" >> %1$s/out
        """.formatted(dir));
    assertThat(l.of("single quotes around the template, as operators write them")).containsExactly("changed h1");
    assertThat(dir.resolve("PWNED")).doesNotExist();
    String v = "x'; touch " + dir + "/PWNED; echo '";
    assertThat(dir.resolve("out")).hasContent(v + "\n" + v);
  }

  @Test
  void aValueTaggedUnsafeIsNeverTemplated() {
    RecordingListener l = new Fixture(dir).run("""
        - hosts: h1
          vars:
            raw: !unsafe "{{ 7 * 6 }}"
          tasks:
            - name: the unsafe value is its text
              assert:
                that:
                  - "'7 * 6' in raw"
                  - raw | length == 11
        """);
    assertThat(l.of("the unsafe value is its text")).containsExactly("ok h1");
  }
}
