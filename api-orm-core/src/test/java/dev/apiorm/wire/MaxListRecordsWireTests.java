package dev.apiorm.wire;

import dev.apiorm.ApiOrmBuilder;
import dev.apiorm.exception.ListTooLargeException;
import dev.apiorm.fixtures.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code api-orm.max-list-records}: a list that would hold more records fails as soon as
 * a page passes the limit, asking for no further page, while a stream, an iteration and a
 * flux read the whole collection a page at a time.
 */
class MaxListRecordsWireTests extends WireTestSupport {

	@Override
	ApiOrmBuilder configure(ApiOrmBuilder builder) {
		return builder.options((options) -> options.withPaging(options.paging().withMaxListRecords(3)));
	}

	@BeforeEach
	void fivePagesOfTwo() {
		String next = wire.baseUrl() + "/api/v1/users/?limit=2&offset=";
		stub(get(urlEqualTo("/api/v1/users/?limit=2"))
			.willReturn(okJson(page(5L, next + "2", user(1, "Ann"), user(2, "Bob")))));
		stub(get(urlEqualTo("/api/v1/users/?limit=2&offset=2"))
			.willReturn(okJson(page(5L, next + "4", user(3, "Cid"), user(4, "Dan")))));
		stub(get(urlEqualTo("/api/v1/users/?limit=2&offset=4")).willReturn(okJson(page(5L, null, user(5, "Eve")))));
	}

	@Test
	void aListPastTheLimitFailsAtThePageThatPassesItPointingToStream() {
		assertThatExceptionOfType(ListTooLargeException.class).isThrownBy(() -> this.users.all().list())
			.withMessageContaining("more than 3 records (api-orm.max-list-records)")
			.withMessageContaining("stream()")
			.satisfies((ex) -> assertThat(ex.limit()).isEqualTo(3));
		assertThatTheThirdPageWasNotAskedFor();
	}

	@Test
	void theReactiveListFailsTheSameWay() {
		assertThatExceptionOfType(ListTooLargeException.class).isThrownBy(() -> this.reactiveUsers.all().list().block())
			.withMessageContaining("api-orm.max-list-records");
		assertThatTheThirdPageWasNotAskedFor();
	}

	private static void assertThatTheThirdPageWasNotAskedFor() {
		// Distinct requests: a slow first answer on a busy machine may be retried.
		assertThat(sent()).containsOnly("GET /api/v1/users/?limit=2", "GET /api/v1/users/?limit=2&offset=2")
			.contains("GET /api/v1/users/?limit=2&offset=2");
	}

	@Test
	void aStreamAnIterationAndAFluxReadTheWholeCollection() {
		assertThat(this.users.all().stream()).extracting(User::getId).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(this.users.all()).extracting(User::getId).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(this.reactiveUsers.all().flux().collectList().block()).extracting(User::getId)
			.containsExactly(1L, 2L, 3L, 4L, 5L);
	}

	@Test
	void aListWithinTheLimitIsWhole() {
		assertThat(this.users.all().slice(0, 3).list()).extracting(User::getId).containsExactly(1L, 2L, 3L);
	}

}
