package dev.apiorm.core.exchange;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.fixtures.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A request is immutable: a policy's change is a copy that leaves the request it was
 * given, and the headers and attributes of that request, as they were.
 */
class ExchangeRequestTests {

	private final ApiPersistentEntity<?> users = new ApiMappingContext().getRequiredEntity(User.class);

	private ExchangeRequest.Builder get(String url) {
		return ExchangeRequest.builder(this.users, "get", HttpMethod.GET, URI.create(url));
	}

	@Test
	void aNewRequestIsTheDefaultClientsCallStageWithoutHeadersOrDeadline() {
		ExchangeRequest request = get("http://api.test/users/1/").build();
		assertThat(request.client()).isEqualTo("default");
		assertThat(request.entity()).isSameAs(this.users);
		assertThat(request.operation()).isEqualTo("get");
		assertThat(request.method()).isEqualTo(HttpMethod.GET);
		assertThat(request.url()).hasToString("http://api.test/users/1/");
		assertThat(request.attempt()).isZero();
		assertThat(request.targetsRecord()).isFalse();
		assertThat(request.body()).isNull();
		assertThat(request.headers().isEmpty()).isTrue();
		assertThat(request.attributes()).isEmpty();
		assertThat(request.deadline()).isNull();
		assertThat(request.timeLeft()).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
	}

	@Test
	void aChangedCopyLeavesTheOriginalAsItWas() {
		ExchangeRequest original = get("http://api.test/users/1/").header("If-Match", "\"v1\"")
			.attribute("trace", "a")
			.build();
		ExchangeRequest changed = original.mutate()
			.header("X-Tenant", "acme")
			.header("If-Match", "\"v2\"")
			.attribute("trace", "b")
			.attempt(2)
			.client("billing")
			.build();
		assertThat(original.headers().getFirst("If-Match")).isEqualTo("\"v1\"");
		assertThat(original.headers().containsHeader("X-Tenant")).isFalse();
		assertThat(original.attribute("trace")).isEqualTo("a");
		assertThat(original.attempt()).isZero();
		assertThat(original.client()).isEqualTo("default");
		assertThat(changed.headers().get("If-Match")).containsExactly("\"v2\"");
		assertThat(changed.headers().getFirst("X-Tenant")).isEqualTo("acme");
		assertThat(changed.attribute("trace")).isEqualTo("b");
		assertThat(changed.attempt()).isEqualTo(2);
		assertThat(changed.client()).isEqualTo("billing");
	}

	@Test
	void anotherAttemptIsTheSameRequestButForItsNumber() {
		ExchangeRequest call = get("http://api.test/users/1/").header("If-Match", "\"v1\"")
			.attribute("a", 1)
			.client("billing")
			.deadline(Duration.ofSeconds(30))
			.build();
		ExchangeRequest second = call.withAttempt(2);
		assertThat(second.attempt()).isEqualTo(2);
		assertThat(call.attempt()).isZero();
		assertThat(second.client()).isEqualTo("billing");
		assertThat(second.headers().getFirst("If-Match")).isEqualTo("\"v1\"");
		assertThat(second.attribute("a")).isEqualTo(1);
		assertThat(second.deadline()).isEqualTo(Duration.ofSeconds(30));
		assertThat(second.timeLeft()).isLessThanOrEqualTo(call.timeLeft().plusMillis(1));
		assertThat(second.withAttempt(2)).isSameAs(second);
		assertThatIllegalArgumentException().isThrownBy(() -> call.withAttempt(-1));
	}

	@Test
	void headersAndAttributesAreReadOnly() {
		ExchangeRequest request = get("http://api.test/users/1/").header("X-One", "1").attribute("a", 1).build();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> request.headers().set("X-One", "2"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> request.attributes().put("b", 2));
	}

	@Test
	void messagesNameTheModelOperationMethodAndUrlWithoutUserInfo() {
		assertThat(get("http://user:secret@api.test/users/?role=x").build())
			.hasToString("User get (GET http://api.test/users/?role=x)");
		assertThat(get("http://api.test/users/1/").build()).hasToString("User get (GET http://api.test/users/1/)");
	}

	@Test
	void wrongValuesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> get("http://api.test/").attempt(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> get("http://api.test/").deadline(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> get("http://api.test/").header("", "x"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ExchangeRequest.builder(this.users, " ", HttpMethod.GET, URI.create("http://a/")));
	}

}
