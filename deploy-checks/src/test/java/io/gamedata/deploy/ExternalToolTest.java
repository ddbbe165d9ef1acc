package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExternalToolTest {

  private final ExternalTool terraform = new ExternalTool("terraform", "hint");

  @Test
  void optOutNamesTheToolExplicitly() {
    assertThat(terraform.optedOut(null)).isFalse();
    assertThat(terraform.optedOut("")).isFalse();
    assertThat(terraform.optedOut("docker-compose")).isFalse();
    assertThat(terraform.optedOut("docker-compose, terraform")).isTrue();
    assertThat(terraform.optedOut("all")).isTrue();
  }

  @Test
  void aToolThatDoesNotExistIsNotFound() {
    assertThat(new ExternalTool("no-such-tool-4711", "none").find()).isEmpty();
  }
}
