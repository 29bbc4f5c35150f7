package dev.apiorm.wire;

import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.apiorm.ApiOrm;
import dev.apiorm.ApiRepository;
import dev.apiorm.Pagination;
import dev.apiorm.Q;
import dev.apiorm.dialect.jsonapi.JsonApiDialect;
import dev.apiorm.dialect.jsonserver.JsonServerDialect;
import dev.apiorm.dialect.odata.ODataDialect;
import dev.apiorm.dialect.spring.SpringDataRestDialect;
import dev.apiorm.fixtures.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact requests of each convention's dialect through the whole client: URLs of
 * records and pages, media types, methods and bodies of writes.
 */
class DialectWireTests extends WireTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiOrm connect(String dialect) {
		return ApiOrm.builder().baseUrl(wire.baseUrl()).dialect(dialect).pageSize(2).retry(NO_RETRY).build();
	}

	@Test
	void jsonApiReadsResourceObjectsAndReplacesARecordWithAPatchOfItsDocument() {
		stub(get(urlEqualTo("/api/v1/users/7/")).willReturn(aResponse()
			.withHeader("Content-Type", "application/vnd.api+json")
			.withBody("{\"data\":{\"type\":\"users\",\"id\":\"7\",\"attributes\":{\"name\":\"Ann\",\"age\":30}}}")));
		stub(patch(urlEqualTo("/api/v1/users/7/")).willReturn(aResponse().withStatus(204)));
		try (ApiOrm orm = ApiOrm.builder()
			.baseUrl(wire.baseUrl())
			.dialect(JsonApiDialect.NAME)
			.saveChangedFields(false)
			.retry(NO_RETRY)
			.build()) {
			ApiRepository<User> users = orm.repository(User.class);
			User ann = users.get(7L);
			assertThat(ann.getId()).isEqualTo(7L);
			assertThat(ann.getName()).isEqualTo("Ann");
			ann.setAge(31);
			User saved = users.save(ann);
			// 204: the server took the record as sent.
			assertThat(saved.getAge()).isEqualTo(31);
		}
		var events = wire.getAllServeEvents();
		assertThat(sent()).hasSize(2);
		assertThat(sent().get(1)).startsWith("PATCH /api/v1/users/7/ ");
		assertThat(events.get(0).getRequest().getHeader("Content-Type")).startsWith("application/vnd.api+json");
		assertThat(events.get(1).getRequest().getHeader("Accept")).isEqualTo("application/vnd.api+json");
		assertThat(JSON.readTree(events.get(0).getRequest().getBodyAsString()))
			.isEqualTo(JSON.readTree("{\"data\":{\"type\":\"users\",\"id\":\"7\",\"attributes\":{\"name\":\"Ann\","
					+ "\"age\":31,\"active\":true}}}"));
	}

	@Test
	void odataAddressesRecordsByKeyAndFiltersWithOneExpression() {
		stub(get(urlEqualTo("/api/v1/users(7)"))
			.willReturn(okJson("{\"@odata.context\":\"$metadata#users/$entity\"," + "\"id\":7,\"name\":\"Ann\"}")));
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(
				"{\"@odata.count\":1,\"value\":[{\"id\":7," + "\"name\":\"Ann\",\"age\":30,\"role\":\"admin\"}]}")));
		try (ApiOrm orm = connect(ODataDialect.NAME)) {
			ApiRepository<User> users = orm.repository(User.class);
			assertThat(users.get(7L).getName()).isEqualTo("Ann");
			assertThat(users.filter(Q.of("role", "admin").or(Q.of("age__lt", 18))).orderBy("-age").list())
				.extracting(User::getId)
				.containsExactly(7L);
		}
		assertThat(sent()).containsExactly("GET /api/v1/users(7)",
				"GET /api/v1/users/?$filter=role%20eq%20%27admin%27%20or%20age%20lt%2018&$orderby=age%20desc"
						+ "&$top=2&$count=true");
	}

	@Test
	void jsonServerPagesAreAskedForFromTheTotalItAnnounces() {
		stub(get(urlEqualTo("/api/v1/users/?age_gte=18&_sort=name&_order=asc&_start=0&_limit=2"))
			.willReturn(okJson("[" + user(1, "Ann") + "," + user(2, "Bob") + "]").withHeader("X-Total-Count", "3")));
		stub(get(urlEqualTo("/api/v1/users/?age_gte=18&_sort=name&_order=asc&_start=2&_limit=2"))
			.willReturn(okJson("[" + user(3, "Cy") + "]").withHeader("X-Total-Count", "3")));
		try (ApiOrm orm = connect(JsonServerDialect.NAME)) {
			assertThat(orm.repository(User.class).filter("age__gte", 18).orderBy("name").list())
				.extracting(User::getName)
				.containsExactly("Ann", "Bob", "Cy");
		}
		assertThat(sent()).containsExactly("GET /api/v1/users/?age_gte=18&_sort=name&_order=asc&_start=0&_limit=2",
				"GET /api/v1/users/?age_gte=18&_sort=name&_order=asc&_start=2&_limit=2");
	}

	@Test
	void springDataRestRecordsTakeTheirIdFromTheirSelfLinkSoThatSavingOneUpdatesIt() {
		stub(get(urlEqualTo("/api/v1/users/?page=0&size=2")).willReturn(okJson("{\"_embedded\":{\"users\":["
				+ "{\"name\":\"Ann\",\"email\":\"ann@x.io\",\"_links\":{\"self\":{\"href\":\"" + wire.baseUrl()
				+ "/api/v1/users/41\"}}}]},\"page\":{\"size\":2,\"totalElements\":1,\"totalPages\":1,\"number\":0}}")));
		stub(patch(urlEqualTo("/api/v1/users/41/")).willReturn(okJson("{\"name\":\"Anne\",\"email\":\"ann@x.io\","
				+ "\"_links\":{\"self\":{\"href\":\"" + wire.baseUrl() + "/api/v1/users/41\"}}}")));
		try (ApiOrm orm = connect(SpringDataRestDialect.NAME)) {
			ApiRepository<User> users = orm.repository(User.class);
			User ann = users.all().list().get(0);
			assertThat(ann.getId()).isEqualTo(41L);
			ann.setName("Anne");
			assertThat(users.save(ann).getName()).isEqualTo("Anne");
		}
		// Listed and tracked: a PATCH of the change, to the id of the self link.
		assertThat(sent()).containsExactly("GET /api/v1/users/?page=0&size=2",
				"PATCH /api/v1/users/41/ {\"name\":\"Anne\"}");
	}

}
