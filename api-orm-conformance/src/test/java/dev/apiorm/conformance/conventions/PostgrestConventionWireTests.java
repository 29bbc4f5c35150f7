package dev.apiorm.conformance.conventions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.apiorm.ApiRepository;
import dev.apiorm.Q;
import dev.apiorm.conformance.dialects.Book;
import dev.apiorm.exception.UnsupportedQueryException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code postgrest} preset ({@code conventions/postgrest.yml}, nothing else) on the
 * wire, as PostgREST's documentation describes its API: operators in the value
 * ({@code pages=gte.50}), {@code order=pages.desc,title.asc},
 * {@code limit}/{@code offset}, {@code Prefer: count=exact} answered with
 * {@code Content-Range: 0-1/3} (and 206 for a part), records addressed as
 * {@code ?id=eq.7} and answered in arrays. PostgREST itself cannot be installed on the
 * build's machines.
 */
class PostgrestConventionWireTests {

	private static final String PREFER = "count=exact, return=representation";

	@RegisterExtension
	static WireMockExtension wire = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static PropertiesClient client;

	@BeforeAll
	static void start() {
		client = PropertiesClient.start("conventions/postgrest.yml", "--api-orm.base-url=" + wire.baseUrl(),
				"--api-orm.page-size=2");
	}

	@AfterAll
	static void stop() {
		client.close();
	}

	private static ApiRepository<Book> books() {
		return client.orm().repository(Book.class);
	}

	private static String book(long id, String title, int pages, String genre) {
		return "{\"id\":" + id + ",\"title\":\"" + title + "\",\"pages\":" + pages
				+ ",\"published\":\"1990-01-01\",\"genre\":\"" + genre + "\",\"available\":true}";
	}

	@Test
	void filtersOrderingAndPagesAreOperatorsInValuesWithAContentRange() {
		wire.stubFor(get(urlEqualTo("/books?pages=gte.300&order=pages.desc,title.asc&limit=2"))
			.willReturn(aResponse().withStatus(206)
				.withHeader("Content-Type", "application/json")
				.withHeader("Content-Range", "0-1/3")
				.withBody("[" + book(9, "C", 500, "novel") + "," + book(4, "A", 400, "drama") + "]")));
		wire.stubFor(get(urlEqualTo("/books?pages=gte.300&order=pages.desc,title.asc&limit=2&offset=2"))
			.willReturn(aResponse().withStatus(206)
				.withHeader("Content-Type", "application/json")
				.withHeader("Content-Range", "2-2/3")
				.withBody("[" + book(5, "B", 400, "essay") + "]")));

		assertThat(books().filter("pages__gte", 300).orderBy("-pages", "title").list()).extracting(Book::getId)
			.containsExactly(9L, 4L, 5L);

		assertThat(requests()).extracting(LoggedRequest::getMethod, LoggedRequest::getUrl)
			.containsExactly(tuple(RequestMethod.GET, "/books?pages=gte.300&order=pages.desc,title.asc&limit=2"),
					tuple(RequestMethod.GET, "/books?pages=gte.300&order=pages.desc,title.asc&limit=2&offset=2"));
		assertThat(requests()).allSatisfy((request) -> assertThat(request.getHeader("Prefer")).isEqualTo(PREFER));
	}

	@Test
	void inAndExcludeAreListsAndNegatedOperators() {
		wire.stubFor(get(urlEqualTo("/books?genre=in.%28novel,drama%29&title=not.ilike.%2Awar%2A&limit=2"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader("Content-Range", "0-0/1")
				.withBody("[" + book(9, "Dune", 500, "novel") + "]")));

		assertThat(books().filter("genre__in", List.of("novel", "drama")).exclude("title__icontains", "war").list())
			.extracting(Book::getId)
			.containsExactly(9L);
	}

	@Test
	void recordsAreAddressedByAnIdFilterAndAnsweredInArrays() {
		wire.stubFor(
				get(urlEqualTo("/books?id=eq.7")).willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("[" + book(7, "Dune", 412, "novel") + "]")));
		wire.stubFor(post(urlEqualTo("/books")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("[" + book(26, "New", 10, "essay") + "]")));
		wire.stubFor(patch(urlEqualTo("/books?id=eq.26"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("[" + book(26, "New", 321, "essay") + "]")));
		wire.stubFor(delete(urlEqualTo("/books?id=eq.26")).willReturn(aResponse().withStatus(204)));

		assertThat(books().get(7L).getTitle()).isEqualTo("Dune");
		Book created = books().create(new Book("New", 10, LocalDate.of(1990, 1, 1), "essay", true));
		assertThat(created.getId()).isEqualTo(26L);
		created.setPages(321);
		assertThat(books().save(created, "pages").getPages()).isEqualTo(321);
		books().delete(created);

		List<LoggedRequest> requests = requests();
		assertThat(requests).extracting(LoggedRequest::getMethod, LoggedRequest::getUrl)
			.containsExactly(tuple(RequestMethod.GET, "/books?id=eq.7"), tuple(RequestMethod.POST, "/books"),
					tuple(RequestMethod.PATCH, "/books?id=eq.26"), tuple(RequestMethod.DELETE, "/books?id=eq.26"));
		assertThat(requests.get(1).getBodyAsString()).isEqualTo(
				"{\"title\":\"New\",\"pages\":10,\"published\":\"1990-01-01\",\"genre\":\"essay\",\"available\":true}");
		assertThat(requests.get(2).getBodyAsString()).isEqualTo("{\"pages\":321}");
		assertThat(requests).allSatisfy((request) -> assertThat(request.getHeader("Prefer")).isEqualTo(PREFER));
	}

	@Test
	void whatThePresetCannotExpressIsRefusedBeforeAnythingIsSent() {
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> books().filter(Q.of("genre", "novel").or(Q.of("pages__lt", 150))).list())
			.withMessageContaining("'convention:postgrest'");
		assertThatExceptionOfType(UnsupportedQueryException.class)
			.isThrownBy(() -> books().filter("title__isnull", true).list())
			.withMessageContaining("'convention:postgrest'");
		assertThat(requests()).isEmpty();
	}

	private static List<LoggedRequest> requests() {
		// WireMock lists the latest first.
		List<LoggedRequest> requests = new ArrayList<>(
				wire.getAllServeEvents().stream().map(ServeEvent::getRequest).toList());
		Collections.reverse(requests);
		return requests;
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

}
