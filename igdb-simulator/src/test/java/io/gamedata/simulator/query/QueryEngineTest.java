package io.gamedata.simulator.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.simulator.catalog.Catalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryEngineTest {

  static IgdbGame game(String json) {
    try {
      return Json.mapper().readValue(json, IgdbGame.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static final Catalog CATALOG =
      Catalog.of(
          Map.of(
              IgdbEndpoint.GAMES,
              List.of(
                  game(
                      "{\"id\":1,\"name\":\"Zelda\",\"genres\":[5,12],\"rating\":90.5,"
                          + "\"updated_at\":100,\"cover\":7,\"extra\":\"kept\"}"),
                  game("{\"id\":2,\"name\":\"Mario Kart\",\"genres\":[10],\"updated_at\":300}"),
                  game(
                      "{\"id\":5,\"name\":\"mario party\",\"genres\":[5],\"rating\":70,"
                          + "\"updated_at\":200}"),
                  game("{\"id\":9,\"name\":\"Doom\",\"genres\":[5,12,10],\"updated_at\":50}")),
              IgdbEndpoint.GENRES,
              List.of(
                  IgdbNamed.of(5, "Shooter"),
                  IgdbNamed.of(10, "Racing"),
                  IgdbNamed.of(12, "RPG"))));

  static final QueryEngine ENGINE = new QueryEngine(CATALOG);

  static List<Long> ids(String query) {
    return ENGINE.find(IgdbEndpoint.GAMES, ApicalypseParser.parse(query)).stream()
        .map(IgdbRecord::id)
        .toList();
  }

  @Test
  void comparisonOperators() {
    assertThat(ids("fields id; where id > 2;")).containsExactly(5L, 9L);
    assertThat(ids("fields id; where id >= 2 & id < 9;")).containsExactly(2L, 5L);
    assertThat(ids("fields id; where id <= 2;")).containsExactly(1L, 2L);
    assertThat(ids("fields id; where id != 2;")).containsExactly(1L, 5L, 9L);
    assertThat(ids("fields id; where rating > 80.0;")).containsExactly(1L);
    assertThat(ids("fields id; where name = \"Doom\";")).containsExactly(9L);
  }

  @Test
  void stringMatching() {
    assertThat(ids("f id; w name = \"Mario\"*;")).containsExactly(2L);
    assertThat(ids("f id; w name ~ \"mario\"*;")).containsExactly(2L, 5L);
    assertThat(ids("f id; w name ~ *\"kart\";")).containsExactly(2L);
    assertThat(ids("f id; w name ~ *\"ari\"*;")).containsExactly(2L, 5L);
    assertThat(ids("f id; w name ~ \"DOOM\";")).containsExactly(9L);
  }

  @Test
  void nullsAndArrays() {
    assertThat(ids("f id; w rating = null;")).containsExactly(2L, 9L);
    assertThat(ids("f id; w rating != null;")).containsExactly(1L, 5L);
    assertThat(ids("f id; w genres = 12;")).containsExactly(1L, 9L);
    assertThat(ids("f id; w genres = (10,12);")).containsExactly(1L, 2L, 9L);
    assertThat(ids("f id; w genres = [5,12];")).containsExactly(1L, 9L);
    assertThat(ids("f id; w genres = {5,12};")).containsExactly(1L);
    assertThat(ids("f id; w genres != (10,12);")).containsExactly(5L);
    assertThat(ids("f id; w id = (1,9);")).containsExactly(1L, 9L);
  }

  @Test
  void booleanLogicAndParentheses() {
    assertThat(ids("f id; w genres = 10 | rating > 80;")).containsExactly(1L, 2L, 9L);
    assertThat(ids("f id; w (genres = 10 | rating > 80) & id > 1;")).containsExactly(2L, 9L);
    assertThat(ids("f id; w genres = 5 & (id = 1 | id = 9);")).containsExactly(1L, 9L);
  }

  @Test
  void sortLimitOffsetSearch() {
    assertThat(ids("f id; sort updated_at asc;")).containsExactly(9L, 1L, 5L, 2L);
    assertThat(ids("f id; sort updated_at desc; limit 2;")).containsExactly(2L, 5L);
    assertThat(ids("f id; sort id asc; limit 2; offset 1;")).containsExactly(2L, 5L);
    assertThat(ids("f id; where updated_at > 100; sort updated_at asc;")).containsExactly(5L, 2L);
    assertThat(ids("search \"mario\"; f name;")).containsExactly(2L, 5L);
    assertThat(ids("f id;")).hasSize(4); // default limit 10
    assertThat(ids("fields id; where id > 1; sort id asc; limit 500;")).containsExactly(2L, 5L, 9L);
  }

  @Test
  void countIgnoresLimit() {
    assertThat(ENGINE.count(IgdbEndpoint.GAMES, ApicalypseParser.parse("w genres = 5; l 1;")))
        .isEqualTo(3);
  }

  @Test
  void fieldsStarExcludeAndExpansion() throws Exception {
    Query star = ApicalypseParser.parse("fields *; where id = 1;");
    JsonNode all =
        Json.mapper()
            .readTree(
                ENGINE.render(IgdbEndpoint.GAMES, star, ENGINE.find(IgdbEndpoint.GAMES, star)));
    assertThat(all.get(0).get("extra").asText()).isEqualTo("kept");
    assertThat(all.get(0).get("genres").toString()).isEqualTo("[5,12]");

    Query some = ApicalypseParser.parse("fields name, genres.name; where id = 1;");
    JsonNode n =
        ENGINE.renderTree(IgdbEndpoint.GAMES, some, ENGINE.find(IgdbEndpoint.GAMES, some)).get(0);
    assertThat(n.get("id").asLong()).isEqualTo(1);
    assertThat(n.get("name").asText()).isEqualTo("Zelda");
    assertThat(n.get("rating")).isNull();
    assertThat(n.get("genres").get(0).get("name").asText()).isEqualTo("Shooter");
    assertThat(n.get("genres").get(1).get("id").asLong()).isEqualTo(12);

    Query ex = ApicalypseParser.parse("fields *; exclude rating, extra; where id = 1;");
    JsonNode e =
        ENGINE.renderTree(IgdbEndpoint.GAMES, ex, ENGINE.find(IgdbEndpoint.GAMES, ex)).get(0);
    assertThat(e.has("rating")).isFalse();
    assertThat(e.has("extra")).isFalse();
    assertThat(e.has("name")).isTrue();

    Query noFields = ApicalypseParser.parse("where id = 1;");
    JsonNode idOnly =
        ENGINE
            .renderTree(IgdbEndpoint.GAMES, noFields, ENGINE.find(IgdbEndpoint.GAMES, noFields))
            .get(0);
    assertThat(idOnly.toString()).isEqualTo("{\"id\":1}");
  }

  @Test
  void syntaxErrorsAreQueryExceptions() {
    assertThatThrownBy(() -> ApicalypseParser.parse("fields *; limit 501;"))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("500");
    assertThatThrownBy(() -> ApicalypseParser.parse("fields *")).isInstanceOf(QueryException.class);
    assertThatThrownBy(() -> ApicalypseParser.parse("where id >> 3;"))
        .isInstanceOf(QueryException.class);
    assertThatThrownBy(() -> ApicalypseParser.parse("frobnicate 3;"))
        .isInstanceOf(QueryException.class);
    assertThatThrownBy(() -> ApicalypseParser.parse("where name = \"x;"))
        .isInstanceOf(QueryException.class);
    assertThatThrownBy(() -> ApicalypseParser.parse("sort id sideways;"))
        .isInstanceOf(QueryException.class);
  }

  @Test
  void idBoundsNarrowTheScan() {
    Condition c = ApicalypseParser.parse("where id > 10 & id <= 20;").where();
    assertThat(c.idLowerBound()).isEqualTo(10);
    assertThat(c.idUpperBound()).isEqualTo(20);
    Condition or = ApicalypseParser.parse("where id > 10 | genres = 5;").where();
    assertThat(or.idLowerBound()).isEqualTo(Long.MIN_VALUE);
  }
}
