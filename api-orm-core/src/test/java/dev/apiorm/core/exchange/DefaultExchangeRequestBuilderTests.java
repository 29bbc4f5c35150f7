package dev.apiorm.core.exchange;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The builder copies a request's headers and attributes only when it changes them, and
 * counts the deadline from when it is set.
 */
class DefaultExchangeRequestBuilderTests {

	private final ApiPersistentEntity<?> users = new ApiMappingContext().getRequiredEntity(User.class);

	private ExchangeRequest.Builder get(String url) {
		return ExchangeRequest.builder(this.users, "get", HttpMethod.GET, URI.create(url));
	}

	@Test
	void aBuilderChangedAfterBuildDoesNotChangeWhatItBuilt() {
		ExchangeRequest.Builder builder = get("http://api.test/users/1/").header("X-One", "1").attribute("a", 1);
		ExchangeRequest first = builder.build();
		builder.header("X-Two", "2").attribute("b", 2).attribute("a", null);
		ExchangeRequest second = builder.build();
		assertThat(first.headers().containsHeader("X-Two")).isFalse();
		assertThat(first.attributes()).containsOnlyKeys("a");
		assertThat(second.headers().getFirst("X-One")).isEqualTo("1");
		assertThat(second.headers().getFirst("X-Two")).isEqualTo("2");
		assertThat(second.attributes()).containsOnlyKeys("b");
	}

	@Test
	void theDeadlineCountsFromWhenItWasSetAndCopiesKeepIt() throws Exception {
		ExchangeRequest request = get("http://api.test/users/1/").deadline(Duration.ofMinutes(1)).build();
		Duration first = request.timeLeft();
		assertThat(first).isLessThanOrEqualTo(Duration.ofMinutes(1)).isGreaterThan(Duration.ofSeconds(50));
		ExchangeRequest copy = request.mutate().attempt(3).build();
		long before = System.nanoTime();
		while (System.nanoTime() - before < 2_000_000) {
			Thread.onSpinWait();
		}
		assertThat(copy.deadline()).isEqualTo(Duration.ofMinutes(1));
		assertThat(copy.timeLeft()).isLessThan(first);
		assertThat(get("http://api.test/users/1/").deadline(Duration.ZERO).build().timeLeft()).isEqualTo(Duration.ZERO);
	}

	@Test
	void aDeadlineOfMoreThanACenturyIsNone() {
		ExchangeRequest centuries = get("http://api.test/users/1/").deadline(Duration.ofDays(365L * 1000)).build();
		assertThat(centuries.deadline()).isEqualTo(Duration.ofDays(365L * 1000));
		assertThat(centuries.timeLeft()).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
		ExchangeRequest decades = get("http://api.test/users/1/").deadline(Duration.ofDays(365L * 90)).build();
		assertThat(decades.timeLeft()).isLessThanOrEqualTo(Duration.ofDays(365L * 90))
			.isGreaterThan(Duration.ofDays(365L * 89));
	}

	@Test
	void aCopyThatChangesNeitherHeadersNorAttributesSharesThem() {
		ExchangeRequest request = get("http://api.test/users/1/").header("If-Match", "\"v1\"")
			.attribute("a", 1)
			.build();
		ExchangeRequest nextAttempt = request.mutate().attempt(2).build();
		assertThat(nextAttempt.headers()).isSameAs(request.headers());
		assertThat(nextAttempt.attributes()).isEqualTo(request.attributes());
		assertThat(request.mutate().header("X", "y").build().headers()).isNotSameAs(request.headers());
	}

	@Test
	void headersCanBeChangedTogether() {
		ExchangeRequest request = get("http://api.test/users/1/").headers((headers) -> {
			headers.add("X-Many", "1");
			headers.add("X-Many", "2");
		}).build();
		assertThat(request.headers().get("X-Many")).containsExactly("1", "2");
		HttpHeaders copy = request.mutate().build().headers();
		assertThat(copy.get("X-Many")).containsExactly("1", "2");
	}

}
