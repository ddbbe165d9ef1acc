package io.gamedata.producer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.producer.testing.Configs;
import io.gamedata.producer.testing.FakeIgdb;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IgdbClientTest {

  FakeIgdb igdb;
  IgdbClient client;

  @BeforeEach
  void start() throws Exception {
    igdb = new FakeIgdb();
    igdb.add("games", LongStream.rangeClosed(1, 50).boxed().toList(), 1000);
    client = new IgdbClient(Configs.fast(igdb, IgdbEndpoint.GAMES).build());
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    igdb.close();
  }

  @Test
  void tokenIsCachedAndRenewedExactlyOnceOn401() {
    client.query("games", "fields *; where id > 0; limit 5;");
    client.query("games", "fields *; where id > 5; limit 5;");
    assertThat(igdb.tokensMinted).hasValue(1);
    igdb.expireTokens();
    List<RawRecord> page = client.query("games", "fields *; where id > 10; limit 5;");
    assertThat(page).extracting(RawRecord::id).containsExactly(11L, 12L, 13L, 14L, 15L);
    assertThat(igdb.tokensMinted).hasValue(2);
    assertThat(client.metrics().tokenRenewals.sum()).isEqualTo(1);
  }

  @Test
  void aTokenThatExpiresAgainMidCallIsRenewedAgainButA401OnEveryFreshTokenIsFinal() {
    client.query("games", "fields *; where id > 0; limit 5;"); // API request 1, token 1
    igdb.expireTokens();
    // request 2: token 1 expired -> 401, renewal; request 3 expires token 2 as well -> 401,
    // a second renewal within the same call; request 4 answers
    igdb.tokenLifetimeRequests = 3;
    List<RawRecord> page = client.query("games", "fields *; where id > 5; limit 5;");
    igdb.tokenLifetimeRequests = 0;
    assertThat(page).extracting(RawRecord::id).containsExactly(6L, 7L, 8L, 9L, 10L);
    assertThat(igdb.apiRequests).hasValue(4);
    assertThat(igdb.tokensMinted).hasValue(3);
    assertThat(client.metrics().tokenRenewals.sum()).isEqualTo(2);

    igdb.rejectAllTokens = true;
    int before = igdb.apiRequests.get();
    assertThatThrownBy(() -> client.query("games", "fields *; limit 1;"))
        .isInstanceOfSatisfying(IgdbException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThat(igdb.apiRequests.get() - before).isEqualTo(1 + IgdbClient.MAX_RENEWALS_PER_CALL);
  }

  @Test
  void parsesIdUpdatedAtAndJson() {
    List<RawRecord> page = client.query("games", "fields *; where id > 48; limit 5;");
    assertThat(page).hasSize(2);
    assertThat(page.get(0).updatedAt()).isEqualTo(1000L);
    assertThat(new String(page.get(0).json())).contains("\"name\":\"games 49\"");
  }

  @Test
  void retriesServerErrorsThenGivesUpWithTheStatus() {
    igdb.failNext.set(2);
    assertThat(client.query("games", "fields *; where id > 0; limit 1;")).hasSize(1);
    assertThat(client.metrics().serverErrors.sum()).isEqualTo(2);
    igdb.failNext.set(100);
    assertThatThrownBy(() -> client.query("games", "fields *; limit 1;"))
        .isInstanceOfSatisfying(IgdbException.class, e -> assertThat(e.status()).isEqualTo(500))
        .hasMessageContaining("Gave up after 4 attempts");
  }

  @Test
  void clientErrorsAreNotRetried() {
    igdb.failStatus = 400;
    igdb.failNext.set(1);
    assertThatThrownBy(() -> client.query("games", "garbage"))
        .isInstanceOfSatisfying(IgdbException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThat(igdb.apiRequests).hasValue(1);
  }

  @Test
  void countAndMultiquery() {
    assertThat(client.count("games", "id > 40")).isEqualTo(10);
    var answer =
        client.multiquery(
            "query games \"a\" { fields *; where id > 0 & id <= 3; sort id asc; limit 10; };\n"
                + "query games \"b\" { fields *; where id > 45; sort id asc; limit 10; };",
            3);
    assertThat(answer.get("a")).extracting(RawRecord::id).containsExactly(1L, 2L, 3L);
    assertThat(answer.get("b")).hasSize(5);
  }
}
