package dev.apiorm.wire;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.IgnoredFilterException;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An empty answer is proven before it is believed, at a cost of a few requests the first
 * time a parameter needs it and none after; a window whose pages repeat each other ends
 * instead of looping.
 */
class EmptyAnswerProofWireTests extends WireTestSupport {

	private void collectionOfTwo() {
		stub(get(urlEqualTo("/api/v1/users/"))
			.willReturn(okJson(page(2L, null, user(1, "Ann", "admin"), user(2, "Bob", "staff")))));
		stub(get(urlEqualTo("/api/v1/users/?limit=2"))
			.willReturn(okJson(page(2L, null, user(1, "Ann", "admin"), user(2, "Bob", "staff")))));
	}

	@Test
	void anHonouredFilterIsProvenOnceByAWitnessAndLaterEmptyAnswersCostNothing() {
		collectionOfTwo();
		stub(get(urlEqualTo("/api/v1/users/?role=banned&limit=2")).willReturn(okJson(page(0L, null))));
		stub(get(urlEqualTo("/api/v1/users/?role=nobody&limit=2")).willReturn(okJson(page(0L, null))));
		stub(get(urlEqualTo("/api/v1/users/?role=nobody&limit=1")).willReturn(okJson(page(0L, null))));
		stub(get(urlEqualTo("/api/v1/users/?role=admin&limit=1"))
			.willReturn(okJson(page(1L, null, user(1, "Ann", "admin")))));
		assertThat(this.users.filter("role", "banned").list()).isEmpty();
		assertThat(sent()).containsExactly("GET /api/v1/users/?role=banned&limit=2", "GET /api/v1/users/",
				"GET /api/v1/users/?limit=2", "GET /api/v1/users/?role=admin&limit=1");
		wire.resetRequests();
		assertThat(this.users.filter("role", "nobody").list()).isEmpty();
		StepVerifier.create(this.reactiveUsers.filter("role", "nobody").exists())
			.expectNext(false)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(sent()).containsExactly("GET /api/v1/users/?role=nobody&limit=2",
				"GET /api/v1/users/?role=nobody&limit=1");
	}

	@Test
	void aParameterReadAsAFilterOnAFieldOfThatNameIsRefusedOnEveryEmptyAnswer() {
		collectionOfTwo();
		// Every value of age__gte answers nothing: a witness from a held record too.
		stub(get(urlEqualTo("/api/v1/users/?age__gte=18&limit=2")).willReturn(okJson(page(0L, null))));
		stub(get(urlEqualTo("/api/v1/users/?age__gte=30&limit=1")).willReturn(okJson(page(0L, null))));
		assertThatExceptionOfType(IgnoredFilterException.class)
			.isThrownBy(() -> this.users.filter("age__gte", 18).list())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("age__gte"))
			.withMessageContaining("asked again with filter age__gte=30");
		StepVerifier.create(this.reactiveUsers.filter("age__gte", 18).count())
			.expectError(IgnoredFilterException.class)
			.verify(Duration.ofSeconds(5));
		// The verdict stands: the second refusal costs the query alone.
		assertThat(sent()).containsExactly("GET /api/v1/users/?age__gte=18&limit=2", "GET /api/v1/users/",
				"GET /api/v1/users/?limit=2", "GET /api/v1/users/?age__gte=30&limit=1",
				"GET /api/v1/users/?age__gte=18&limit=2");
	}

	@Test
	void anOrderingThatEmptiesTheCollectionIsRefused() {
		collectionOfTwo();
		stub(get(urlEqualTo("/api/v1/users/?ordering=-age&limit=2")).willReturn(okJson(page(0L, null))));
		stub(get(urlEqualTo("/api/v1/users/?ordering=-age&limit=1")).willReturn(okJson(page(0L, null))));
		assertThatExceptionOfType(IgnoredFilterException.class).isThrownBy(() -> this.users.orderBy("-age").first())
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("ordering"));
	}

	@Test
	void pagesThatRepeatTheRecordsBeforeThemEndTheIteration() {
		// A server that ignores its start parameter: every link brings the same page.
		for (int offset = 0; offset <= 8; offset += 2) {
			String next = wire.baseUrl() + "/api/v1/users/?limit=2&offset=" + (offset + 2);
			stub(get(urlEqualTo("/api/v1/users/?limit=2" + ((offset > 0) ? "&offset=" + offset : "")))
				.willReturn(okJson(page(10L, next, user(1, "Ann"), user(2, "Bob")))));
		}
		assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(() -> this.users.all().list())
			.withMessageContaining("a page repeats 2 of the records already delivered");
		assertThat(sent()).containsExactly("GET /api/v1/users/?limit=2", "GET /api/v1/users/?limit=2&offset=2");
	}

}
