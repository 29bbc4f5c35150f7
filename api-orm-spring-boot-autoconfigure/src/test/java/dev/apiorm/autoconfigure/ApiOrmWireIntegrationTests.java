package dev.apiorm.autoconfigure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.apiorm.autoconfigure.app.Person;
import dev.apiorm.autoconfigure.app.PersonApi;
import dev.apiorm.autoconfigure.app.ReactivePersonApi;
import dev.apiorm.autoconfigure.app.TestApplication;
import dev.apiorm.exception.InternalServerErrorException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter in a Spring Boot application against WireMock: derived queries sent with
 * API field names, user WebClient customizers applied, every exchange timed, and the
 * health contributor.
 */
@SpringBootTest(classes = TestApplication.class,
		properties = { "api-orm.token=boot-secret", "api-orm.auth-scheme=Token", "api-orm.page-size=3",
				"api-orm.clients.billing.base-url=http://127.0.0.1:1", "api-orm.clients.billing.health.timeout=500ms",
				"management.health.api-orm.enabled=true",
				// Each health call here must ask the API: its answer changes in one test.
				"api-orm.health.cache-ttl=0",
				// One fixed page answers every query here: these tests assert what is
				// sent.
				"api-orm.verify-results=false", "logging.level.dev.apiorm.core.ExchangeExecutor=DEBUG" })
@EnableWireMock(@ConfigureWireMock(baseUrlProperties = "api-orm.base-url"))
class ApiOrmWireIntegrationTests {

	private static final String PAGE = "{\"count\":1,\"next\":null,\"results\":[{\"id\":1,\"name\":\"Ann\","
			+ "\"role\":\"admin\",\"age\":40,\"in_print\":true}]}";

	@InjectWireMock
	WireMockServer wire;

	@Autowired
	PersonApi people;

	@Autowired
	ReactivePersonApi reactivePeople;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Map<String, ReactiveHealthContributor> healthContributors;

	@BeforeEach
	void stubCollection() {
		this.wire.stubFor(get(urlPathEqualTo("/people/")).willReturn(okJson(PAGE)));
	}

	private List<String> sent() {
		List<ServeEvent> events = new ArrayList<>(this.wire.getAllServeEvents());
		Collections.reverse(events);
		return events.stream()
			.map((event) -> event.getRequest().getMethod() + " " + event.getRequest().getUrl())
			.toList();
	}

	@Test
	void derivedQueriesSendDjangoLookupsWithApiFieldNames() {
		this.people.findByName("Ann");
		this.people.findByInPrintTrueOrderByNameDesc();
		this.people.findByAgeGreaterThanEqualAndRoleIn(18, List.of("admin", "staff"));
		this.people.findByAgeGreaterThanAndAgeLessThan(10, 20);
		this.people.findByAgeLessThanEqual(65);
		this.people.findByAgeBetween(18, 30);
		this.people.findByNameContainingIgnoreCase("an");
		this.people.findByNameStartingWith("A");
		this.people.findByNameEndingWith("n");
		this.people.findByNameIgnoreCase("ann");
		this.people.findByRoleIsNull();
		this.people.findByRoleIsNotNull();
		this.people.findByInPrintFalse();
		this.people.findTop3ByRoleOrderByAgeDesc("admin");
		this.people.findFirstByRole("admin");
		assertThat(sent()).containsExactly("GET /people/?name=Ann&limit=2",
				"GET /people/?in_print=true&ordering=-name&limit=3",
				"GET /people/?age__gte=18&role__in=admin,staff&limit=3", "GET /people/?age__gt=10&age__lt=20&limit=3",
				"GET /people/?age__lte=65&limit=3", "GET /people/?age__range=18,30&limit=3",
				"GET /people/?name__icontains=an&limit=3", "GET /people/?name__startswith=A&limit=3",
				"GET /people/?name__endswith=n&limit=3", "GET /people/?name__iexact=ann&limit=3",
				"GET /people/?role__isnull=true&limit=3", "GET /people/?role__isnull=false&limit=3",
				"GET /people/?in_print=false&limit=3", "GET /people/?role=admin&ordering=-age&limit=3",
				"GET /people/?role=admin&limit=1");
	}

	@Test
	void derivedCountExistsStreamAndPage() {
		assertThat(this.people.countByRole("admin")).isEqualTo(1);
		assertThat(this.people.existsByName("Ann")).isTrue();
		try (Stream<Person> stream = this.people.streamByInPrint(true)) {
			assertThat(stream).extracting(Person::getName).containsExactly("Ann");
		}
		Page<Person> page = this.people.findByRole("admin", PageRequest.of(0, 2));
		assertThat(page.getTotalElements()).isEqualTo(1);
		assertThat(this.reactivePeople.countByRole("x").block()).isEqualTo(1);
		assertThat(this.reactivePeople.findByInPrint(true).map(Person::getName).collectList().block())
			.containsExactly("Ann");
		assertThat(this.reactivePeople.findByName("Ann").map(Person::getAge).block()).isEqualTo(40);
		// A filtered count reads its first page whole (3 records) and checks it, as a
		// list.
		assertThat(sent()).containsExactly("GET /people/?role=admin&limit=3", "GET /people/?name=Ann&limit=1",
				"GET /people/?in_print=true&limit=3", "GET /people/?role=admin&limit=2", "GET /people/?role=x&limit=3",
				"GET /people/?in_print=true&limit=3", "GET /people/?name=Ann&limit=2");
		assertThat(this.wire.getAllServeEvents()).allSatisfy(
				(event) -> assertThat(event.getRequest().getHeader("Authorization")).isEqualTo("Token boot-secret"));
	}

	@Test
	void declaredReactiveRepositoryReturnsRealQuerySets() {
		dev.apiorm.ReactiveQuerySet<Person> active = this.reactivePeople.filter("in_print", true).orderBy("name");
		assertThat(reactor.core.publisher.Flux.from(active).map(Person::getName).collectList().block())
			.containsExactly("Ann");
		assertThat(this.reactivePeople.all().count().block()).isEqualTo(1);
		assertThat(sent()).containsExactly("GET /people/?in_print=true&ordering=name&limit=3", "GET /people/?limit=1");
	}

	@Test
	@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
	void eachExchangeIsLoggedAtDebugWithoutSecrets(org.springframework.boot.test.system.CapturedOutput output) {
		this.wire.stubFor(get(urlEqualTo("/people/7/")).willReturn(aResponse().withStatus(500)));
		assertThatExceptionOfType(InternalServerErrorException.class).isThrownBy(() -> this.people.get(7));
		// (WireMock's own log shows the request headers; api-orm's lines never do.)
		List<String> lines = output.getAll().lines().filter((line) -> line.contains("ExchangeExecutor")).toList();
		assertThat(lines).anySatisfy(
				(line) -> assertThat(line).containsPattern("GET http://localhost:\\d+/people/7/ -> 500 in \\d+ ms"));
		assertThat(lines).noneSatisfy((line) -> assertThat(line).contains("boot-secret"));
	}

	@Test
	void everyExchangeIsTimedWithBoundedTags() {
		this.wire.stubFor(get(urlEqualTo("/people/7/")).willReturn(aResponse().withStatus(500)));
		double before = count("list", "200", "SUCCESS");
		this.people.findByRoleIsNull();
		this.people.countByRole("admin");
		assertThatExceptionOfType(InternalServerErrorException.class).isThrownBy(() -> this.people.get(7));
		assertThat(count("list", "200", "SUCCESS") - before).isEqualTo(1);
		assertThat(count("count", "200", "SUCCESS")).isGreaterThanOrEqualTo(1);
		Timer failed = this.meters.find("api.orm.requests").tags("operation", "get", "status", "500").timer();
		assertThat(failed).isNotNull();
		assertThat(failed.getId().getTag("outcome")).isEqualTo("SERVER_ERROR");
		assertThat(failed.getId().getTag("model")).isEqualTo("Person");
		assertThat(failed.getId().getTag("client")).isEqualTo("default");
		assertThat(failed.getId().getTag("method")).isEqualTo("GET");
		assertThat(this.meters.find("api.orm.requests").timers())
			.allSatisfy((timer) -> assertThat(timer.getId().getTags().toString()).doesNotContain("/people/"));
	}

	private double count(String operation, String status, String outcome) {
		Timer timer = this.meters.find("api.orm.requests")
			.tags("operation", operation, "status", status, "outcome", outcome, "model", "Person")
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	@Test
	void healthHasOneComponentPerClient() {
		this.wire.stubFor(get(urlEqualTo("/")).willReturn(okJson("{}")));
		CompositeReactiveHealthContributor apiOrm = (CompositeReactiveHealthContributor) this.healthContributors
			.get("apiOrmHealthContributor");
		Health up = ((ReactiveHealthIndicator) apiOrm.getContributor("default")).health().block();
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(up.getDetails()).containsKeys("baseUrl", "latency");
		long start = System.nanoTime();
		Health down = ((ReactiveHealthIndicator) apiOrm.getContributor("billing")).health().block();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails().get("error").toString()).isNotEmpty();
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1500);
		assertThat(up.toString() + down).doesNotContain("boot-secret");
		this.wire.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(500)));
		Health failing = ((ReactiveHealthIndicator) apiOrm.getContributor("default")).health().block();
		assertThat(failing.getStatus()).isEqualTo(Status.DOWN);
		assertThat(failing.getDetails()).containsEntry("error", "HTTP 500");
	}

}
