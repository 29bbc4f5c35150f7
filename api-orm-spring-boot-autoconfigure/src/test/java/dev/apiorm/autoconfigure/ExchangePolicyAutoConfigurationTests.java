package dev.apiorm.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.apiorm.ApiOrm;
import dev.apiorm.autoconfigure.app.Invoice;
import dev.apiorm.autoconfigure.app.Person;
import dev.apiorm.core.exchange.ExchangeChain;
import dev.apiorm.core.exchange.ExchangePolicy;
import dev.apiorm.core.exchange.ExchangeRequest;
import dev.apiorm.core.exchange.ExchangeResponse;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every {@link ExchangePolicy} bean wraps the requests of every client, in
 * {@code @Order}: here two call policies, the second of which answers without a request
 * (so no server is needed).
 */
class ExchangePolicyAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
				ApiOrmAutoConfiguration.class))
		.withPropertyValues("api-orm.base-url=http://127.0.0.1:1",
				"api-orm.clients.billing.base-url=http://127.0.0.1:1");

	@Test
	void everyPolicyBeanWrapsEveryClientsRequestsInOrder() {
		this.runner.withUserConfiguration(Policies.class).run((context) -> {
			assertThat(context).hasNotFailed();
			ApiOrm orm = context.getBean(ApiOrm.class);
			Trail trail = context.getBean(Trail.class);
			assertThat(orm.repository(Invoice.class).get(7L)).isEqualTo(new Invoice(7L, 42));
			assertThatIllegalStateException().isThrownBy(() -> orm.repository(Person.class).get(1L))
				.withMessage("answered by the policy of order 2");
			assertThat(trail.entries).containsExactly("first billing get", "second billing get", "first default get",
					"second default get");
		});
	}

	@Test
	void withoutPolicyBeansRequestsGoOutAsBefore() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(ExchangePolicy.class)).isEmpty();
		});
	}

	static final class Trail {

		final List<String> entries = new CopyOnWriteArrayList<>();

	}

	/** A call policy that leaves its name in the trail. */
	private static class Recording implements ExchangePolicy {

		private final Trail trail;

		private final String name;

		Recording(Trail trail, String name) {
			this.trail = trail;
			this.name = name;
		}

		@Override
		public Mono<ExchangeResponse> apply(ExchangeRequest request, ExchangeChain next) {
			this.trail.entries.add(this.name + " " + request.client() + " " + request.operation());
			return next.exchange(request);
		}

		@Override
		public Stage stage() {
			return Stage.CALL;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Policies {

		@Bean
		Trail trail() {
			return new Trail();
		}

		// Declared first, ordered second: the order comes from @Order.
		@Bean
		@Order(2)
		ExchangePolicy answering(Trail trail) {
			return new Recording(trail, "second") {

				@Override
				public Mono<ExchangeResponse> apply(ExchangeRequest request, ExchangeChain next) {
					super.apply(request, (ignored) -> Mono.empty());
					if (request.entity().getType() == Invoice.class) {
						return Mono.just(ExchangeResponse.of(200, new HttpHeaders(), new Invoice(7L, 42)));
					}
					return Mono.error(new IllegalStateException("answered by the policy of order 2"));
				}

			};
		}

		@Bean
		@Order(1)
		ExchangePolicy recording(Trail trail) {
			return new Recording(trail, "first");
		}

	}

}
