package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageRefTest {

  @Test
  void exactTagsAndDigestsArePinned() {
    assertThat(ImageRef.isPinned("apache/kafka:4.1.0")).isTrue();
    assertThat(ImageRef.isPinned("prom/prometheus:v3.5.0")).isTrue();
    assertThat(ImageRef.isPinned("eclipse-temurin:17.0.16_8-jre-jammy")).isTrue();
    assertThat(ImageRef.isPinned("registry:5000/team/app:1.2.3")).isTrue();
    assertThat(ImageRef.isPinned("busybox@sha256:" + "a".repeat(64))).isTrue();
  }

  @Test
  void floatingTagsAreNot() {
    assertThat(ImageRef.isPinned("apache/kafka")).isFalse();
    assertThat(ImageRef.isPinned("apache/kafka:latest")).isFalse();
    assertThat(ImageRef.isPinned("eclipse-temurin:17-jre")).isFalse();
    assertThat(ImageRef.isPinned("registry:5000/team/app")).isFalse();
    assertThat(ImageRef.isPinned("grafana/grafana:${TAG}")).isFalse();
  }
}
