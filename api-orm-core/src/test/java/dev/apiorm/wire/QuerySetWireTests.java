package dev.apiorm.wire;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.apiorm.Q;
import dev.apiorm.QuerySet;
import dev.apiorm.exception.ApiDecodeException;
import dev.apiorm.exception.DoesNotExistException;
import dev.apiorm.exception.MultipleObjectsReturnedException;
import dev.apiorm.exception.UnsupportedQueryException;
import dev.apiorm.fixtures.Tag;
import dev.apiorm.fixtures.User;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The blocking QuerySet and manager reads against WireMock: the exact requests sent and
 * what is made of the answers.
 */
class QuerySetWireTests extends WireTestSupport {

	@Test
	void querySetIsLazyAndChainingSendsNothing() {
		QuerySet<User> query = this.users.filter("active", true).exclude("role", "banned").orderBy("-created_at");
		assertThat(query.slice(0, 10)).isNotSameAs(query);
		assertThat(sent()).isEmpty();
	}

	@Test
	void filterExcludeOrderBySliceAreWrittenAsDjangoFilterParameters() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(
				page(2L, null, user(1, "Ann", "member", "2026-01-05"), user(2, "Bob", "member", "2026-01-04")))));
		List<User> found = this.users.filter("active", true)
			.exclude("role", "banned")
			.orderBy("-created_at", "name")
			.slice(0, 10)
			.list();
		assertThat(found).extracting(User::getName).containsExactly("Ann", "Bob");
		assertThat(sent())
			.containsExactly("GET /api/v1/users/?active=true&role__n=banned&ordering=-created_at,name&limit=2");
	}

	@Test
	void listFollowsNextLinksAndCachesTheResult() {
		stub(get(urlEqualTo("/api/v1/users/?limit=2")).willReturn(
				okJson(page(3L, wire.baseUrl() + "/api/v1/users/?limit=2&offset=2", user(1, "Ann"), user(2, "Bob")))));
		stub(get(urlEqualTo("/api/v1/users/?limit=2&offset=2")).willReturn(okJson(page(3L, null, user(3, "Cid")))));
		QuerySet<User> all = this.users.all();
		assertThat(all.list()).extracting(User::getId).containsExactly(1L, 2L, 3L);
		assertThat(all.list()).extracting(User::getId).containsExactly(1L, 2L, 3L);
		assertThat(all.count()).isEqualTo(3);
		assertThat(all.at(2).getName()).isEqualTo("Cid");
		assertThat(sent()).containsExactly("GET /api/v1/users/?limit=2", "GET /api/v1/users/?limit=2&offset=2");
	}

	@Test
	void iteratingToTheEndFillsTheResultCacheAsInDjango() {
		stub(get(urlEqualTo("/api/v1/users/?limit=2")).willReturn(
				okJson(page(3L, wire.baseUrl() + "/api/v1/users/?limit=2&offset=2", user(1, "Ann"), user(2, "Bob")))));
		stub(get(urlEqualTo("/api/v1/users/?limit=2&offset=2")).willReturn(okJson(page(3L, null, user(3, "Cid")))));
		QuerySet<User> all = this.users.all();
		List<String> names = new java.util.ArrayList<>();
		for (User user : all) {
			names.add(user.getName());
		}
		assertThat(names).containsExactly("Ann", "Bob", "Cid");
		List<String> requests = sent();
		assertThat(requests).containsExactly("GET /api/v1/users/?limit=2", "GET /api/v1/users/?limit=2&offset=2");
		// Everything below is answered from the cache.
		assertThat(all.count()).isEqualTo(3);
		assertThat(all.exists()).isTrue();
		assertThat(all.at(1).getName()).isEqualTo("Bob");
		assertThat(all.values("name")).containsExactly(Map.of("name", "Ann"), Map.of("name", "Bob"),
				Map.of("name", "Cid"));
		// As the API sent them, the same as from a query that was not cached.
		// The model's types: the ids are Longs, as the model's id is.
		assertThat(all.valuesList("id")).containsExactly(List.of(1L), List.of(2L), List.of(3L));
		assertThat(all.valuesListFlat("name", String.class)).containsExactly("Ann", "Bob", "Cid");
		assertThat(all.list()).extracting(User::getId).containsExactly(1L, 2L, 3L);
		assertThat(all.iterator().next().getName()).isEqualTo("Ann");
		assertThat(sent()).isEqualTo(requests);
	}

	@Test
	void aPartialIterationOrAStreamLeavesNoCache() {
		stub(get(urlEqualTo("/api/v1/users/?limit=2")).willReturn(
				okJson(page(3L, wire.baseUrl() + "/api/v1/users/?limit=2&offset=2", user(1, "Ann"), user(2, "Bob")))));
		stub(get(urlEqualTo("/api/v1/users/?limit=2&offset=2")).willReturn(okJson(page(3L, null, user(3, "Cid")))));
		stub(get(urlEqualTo("/api/v1/users/?limit=1"))
			.willReturn(okJson(page(3L, wire.baseUrl() + "/api/v1/users/?limit=1&offset=1", user(1, "Ann")))));
		QuerySet<User> all = this.users.all();
		assertThat(all.iterator().next().getName()).isEqualTo("Ann");
		assertThat(all.count()).isEqualTo(3);
		// (The abandoned iterator may still read ahead: only the count's request is
		// asserted.)
		assertThat(sent()).filteredOn("GET /api/v1/users/?limit=1"::equals).hasSize(1);
		try (Stream<User> stream = all.stream()) {
			assertThat(stream.count()).isEqualTo(3);
		}
		assertThat(all.count()).isEqualTo(3);
		assertThat(sent()).filteredOn("GET /api/v1/users/?limit=1"::equals).hasSize(2);
	}

	@Test
	void streamFetchesTheNextPageOnlyWhenNeeded() {
		stub(get(urlEqualTo("/api/v1/users/?limit=2")).willReturn(
				okJson(page(6L, wire.baseUrl() + "/api/v1/users/?limit=2&offset=2", user(1, "Ann"), user(2, "Bob")))));
		stub(get(urlEqualTo("/api/v1/users/?limit=2&offset=2")).willReturn(
				okJson(page(6L, wire.baseUrl() + "/api/v1/users/?limit=2&offset=4", user(3, "Cid"), user(4, "Dan")))));
		try (Stream<User> stream = this.users.all().stream()) {
			assertThat(stream.limit(1).map(User::getName)).containsExactly("Ann");
		}
		assertThat(sent()).doesNotContain("GET /api/v1/users/?limit=2&offset=4");
		assertThat(sent()).startsWith("GET /api/v1/users/?limit=2");
	}

	@Test
	void countWithoutFilterReadsTheEnvelopeCountWithAOneRecordRequest() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(page(4211L, null, user(1, "Ann", "staff")))));
		assertThat(this.users.all().count()).isEqualTo(4211);
		assertThat(sent()).containsExactly("GET /api/v1/users/?limit=1");
	}

	@Test
	void countOfAFilterReadsItsFirstPageWholeAndBelievesTheTotalOnceEveryRecordSatisfiesIt() {
		stub(get(urlPathEqualTo("/api/v1/users/"))
			.willReturn(okJson(page(4211L, wire.baseUrl() + "/api/v1/users/?role__in=admin,staff&limit=2&offset=2",
					user(1, "Ann", "staff"), user(2, "Bob", "admin")))));
		assertThat(this.users.filter("role__in", List.of("admin", "staff")).count()).isEqualTo(4211);
		assertThat(sent()).containsExactly("GET /api/v1/users/?role__in=admin,staff&limit=2");
	}

	@Test
	void countOfAFilterWhoseFirstPageHoldsEverythingIsHeldToItsRecords() {
		// The envelope says 3, the only page holds 2 and no way on: the total is refused.
		stub(get(urlPathEqualTo("/api/v1/users/"))
			.willReturn(okJson(page(3L, null, user(1, "Ann", "staff"), user(2, "Bob", "staff")))));
		assertThatExceptionOfType(ApiDecodeException.class).isThrownBy(() -> this.users.filter("role", "staff").count())
			.withMessageContaining("total says the window holds 3 records")
			.withMessageContaining("the pages held 2");
		assertThat(sent()).containsExactly("GET /api/v1/users/?role=staff&limit=2");
	}

	@Test
	void countOfASliceIsTheWindowOfTheTotal() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(page(25L, null, user(1, "Ann")))));
		assertThat(this.users.all().slice(20, 40).count()).isEqualTo(5);
	}

	@Test
	void existsAsksForOneRecord() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(page(0L, null))));
		assertThat(this.users.filter("email", "nobody@x.io").exists()).isFalse();
		// The empty answer is proven: the collection asked for bare holds nothing either.
		assertThat(sent()).containsExactly("GET /api/v1/users/?email=nobody%40x.io&limit=1", "GET /api/v1/users/");
	}

	@Test
	void firstOrdersByIdWhenUnorderedAndLastReversesTheOrdering() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(page(9L, null, user(7, "Gus")))));
		assertThat(this.users.first()).get().extracting(User::getId).isEqualTo(7L);
		assertThat(this.users.last()).isPresent();
		assertThat(this.users.orderBy("-age", "name").last()).isPresent();
		// Two records, not one: a second record shows an ordering the API ignored.
		assertThat(sent()).containsExactly("GET /api/v1/users/?ordering=id&limit=2",
				"GET /api/v1/users/?ordering=-id&limit=2", "GET /api/v1/users/?ordering=age,-name&limit=2");
	}

	@Test
	void firstIsEmptyForAnEmptyCollection() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(page(0L, null))));
		assertThat(this.users.first()).isEmpty();
	}

	@Test
	void getByIdRequestsTheRecordUrl() {
		stub(get(urlEqualTo("/api/v1/users/42/")).willReturn(okJson(user(42, "Ann"))));
		User found = this.users.get("42");
		assertThat(found.getId()).isEqualTo(42L);
		assertThat(found.getCreatedAt()).isEqualTo("2026-01-07");
		assertThat(sent()).containsExactly("GET /api/v1/users/42/");
	}

	@Test
	void getByIdThatCannotBeConvertedNamesTheModel() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.users.get("forty-two"))
			.withMessageContaining("User");
		assertThat(sent()).isEmpty();
	}

	@Test
	void stringIdsArePercentEncodedAsOnePathSegment() {
		stub(get(urlEqualTo("/tags/a%2Fb%3Fc%20d")).willReturn(okJson("{\"slug\":\"a/b?c d\",\"label\":\"x\"}")));
		assertThat(this.tags.get("a/b?c d").label()).isEqualTo("x");
		assertThat(sent()).containsExactly("GET /tags/a%2Fb%3Fc%20d");
	}

	@Test
	void filterValuesArePercentEncodedSoTheyCannotAddParameters() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(page(0L, null))));
		this.users.filter("name__icontains", "a&b=c #1+é").list();
		assertThat(sent()).containsExactly("GET /api/v1/users/?name__icontains=a%26b%3Dc%20%231%2B%C3%A9&limit=2",
				"GET /api/v1/users/");
	}

	@Test
	void getByLookupReturnsTheOnlyMatch() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(page(1L, null, user(5, "Eve")))));
		assertThat(this.users.get("email", "eve@x.io").getId()).isEqualTo(5L);
		assertThat(sent()).containsExactly("GET /api/v1/users/?email=eve%40x.io&limit=2");
	}

	@Test
	void getByLookupWithoutMatchIsDoesNotExist() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(page(0L, null))));
		assertThatExceptionOfType(DoesNotExistException.class).isThrownBy(() -> this.users.get(Q.of("age__gt", 200)))
			.satisfies((ex) -> assertThat(ex.modelType()).isEqualTo(User.class));
	}

	@Test
	void getByLookupWithSeveralMatchesIsMultipleObjectsReturned() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(page(17L, null, user(1, "Ann"), user(2, "Bob")))));
		assertThatExceptionOfType(MultipleObjectsReturnedException.class)
			.isThrownBy(() -> this.users.get("role", "member"))
			.withMessageContaining("get() returned more than one User");
		assertThat(sent()).containsExactly("GET /api/v1/users/?role=member&limit=2");
	}

	@Test
	void atReadsOneRecordAtItsOffsetAndFailsPastTheEnd() {
		stub(get(urlEqualTo("/api/v1/users/?limit=1&offset=5")).willReturn(okJson(page(6L, null, user(6, "Fay")))));
		stub(get(urlEqualTo("/api/v1/users/?limit=1&offset=6")).willReturn(okJson(page(6L, null))));
		assertThat(this.users.all().at(5).getName()).isEqualTo("Fay");
		assertThatExceptionOfType(IndexOutOfBoundsException.class).isThrownBy(() -> this.users.all().at(6));
	}

	@Test
	void limitTakesTheFirstRecordsWithOneRequest() {
		stub(get(urlPathEqualTo("/api/v1/users/"))
			.willReturn(okJson(page(10L, "/api/v1/users/?limit=2&offset=2", user(1, "Ann"), user(2, "Bob")))));
		assertThat(this.users.orderBy("name").limit(1).list()).extracting(User::getName).containsExactly("Ann");
		assertThat(this.users.all().limit(1).list()).extracting(User::getName).containsExactly("Ann");
		// An ordered window of one reads two records, to see an ordering the API ignored.
		assertThat(sent()).containsExactly("GET /api/v1/users/?ordering=name&limit=2", "GET /api/v1/users/?limit=1");
	}

	@Test
	void valuesAndValuesListProjectApiFields() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(page(2L, null, user(1, "Ann"), user(2, "Bob")))));
		assertThat(this.users.all().values("name", "createdAt")).containsExactly(
				Map.of("name", "Ann", "created_at", "2026-01-02"), Map.of("name", "Bob", "created_at", "2026-01-03"));
		assertThat(this.users.all().valuesList("id", "email")).containsExactly(List.of(1L, "ann@x.io"),
				List.of(2L, "bob@x.io"));
		assertThat(this.users.all().valuesListFlat("id", Long.class)).containsExactly(1L, 2L);
	}

	@Test
	void negativeIndexingIsRefusedBeforeAnyRequest() {
		assertThatExceptionOfType(UnsupportedQueryException.class).isThrownBy(() -> this.users.all().at(-1))
			.withMessageContaining("Negative indexing");
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> this.reactiveUsers.all().at(-1).block())
			.withMessageContaining("Negative indexing");
		assertThat(sent()).isEmpty();
	}

	@Test
	void valuesOfAnUnknownFieldFailsNamingTheModel() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.users.all().values("nickname"))
			.withMessageContaining("User has no field 'nickname'");
	}

	@Test
	void pageUsesPageableAndTheEnvelopeCount() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(
				page(41L, null, user(5, "Eve", "member", "2026-01-09"), user(6, "Fay", "member", "2026-01-08")))));
		Page<User> page = this.users.filter("active", true)
			.page(PageRequest.of(2, 2, Sort.by(Sort.Order.desc("createdAt"))));
		assertThat(page.getContent()).extracting(User::getId).containsExactly(5L, 6L);
		assertThat(page.getTotalElements()).isEqualTo(41);
		assertThat(page.getTotalPages()).isEqualTo(21);
		assertThat(sent()).containsExactly("GET /api/v1/users/?active=true&ordering=-created_at&limit=2&offset=4");
	}

	@Test
	void pageNumberPaginationAsksForThePageHoldingTheOffset() {
		stub(get(urlEqualTo("/tags?page=3&page_size=2")).willReturn(
				okJson("{\"count\":7,\"next\":\"" + wire.baseUrl() + "/tags?page=4&page_size=2\",\"previous\":null,"
						+ "\"results\":[{\"slug\":\"e\",\"label\":\"E\"},{\"slug\":\"f\",\"label\":\"F\"}]}")));
		stub(get(urlEqualTo("/tags?page=4&page_size=2"))
			.willReturn(okJson("{\"count\":7,\"next\":null,\"results\":[{\"slug\":\"g\",\"label\":\"G\"}]}")));
		assertThat(this.tags.all().slice(5, 10).list()).extracting(Tag::slug).containsExactly("f", "g");
		assertThat(sent()).containsExactly("GET /tags?page=3&page_size=2", "GET /tags?page=4&page_size=2");
	}

	@Test
	void plainArrayBodiesAreTheWholeCollection() {
		stub(get(urlPathEqualTo("/api/v1/users/"))
			.willReturn(okJson("[" + user(1, "Ann") + "," + user(2, "Bob") + "," + user(3, "Cid") + "]")));
		assertThat(this.users.all().list()).hasSize(3);
		assertThat(this.users.all().count()).isEqualTo(3);
	}

	@Test
	void orIsRejectedWhenTheQueryIsBuiltNamingTheDialect() {
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> this.users.filter(Q.of("role", "admin").or(Q.of("age__gte", 18))))
			.withMessageContaining("'drf' dialect");
		assertThatExceptionOfType(UnsupportedQueryException.class).isThrownBy(() -> this.users.exclude("age__gte", 18))
			.withMessageContaining("'drf' dialect");
		assertThat(sent()).isEmpty();
	}

	@Test
	void isNullAndInAndRangeLookups() {
		stub(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(page(0L, null))));
		this.users.filter(Map.of("role", List.of("a", "b,c"))).list();
		this.users.filter("email", null).list();
		this.users.filter("age__range", List.of(18, 30)).list();
		// Each empty answer is proven by the bare collection, empty too.
		assertThat(sent()).containsExactly("GET /api/v1/users/?role=a,b%2Cc&limit=2", "GET /api/v1/users/",
				"GET /api/v1/users/?email__isnull=true&limit=2", "GET /api/v1/users/",
				"GET /api/v1/users/?age__range=18,30&limit=2", "GET /api/v1/users/");
	}

}
