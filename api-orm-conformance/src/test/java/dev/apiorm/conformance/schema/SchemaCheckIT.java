package dev.apiorm.conformance.schema;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import dev.apiorm.EnableApiRepositories;
import dev.apiorm.autoconfigure.ApiOrmAutoConfiguration;
import dev.apiorm.conformance.DrfServer;
import dev.apiorm.conformance.schema.bad.BadQueries;
import dev.apiorm.conformance.schema.good.MemberQueries;
import dev.apiorm.exception.UnsupportedQueryException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Models and derived queries checked at start-up against the OpenAPI document the real
 * DRF server generates for itself (with django-filter's parameters), and filters refused
 * at run time when the document does not declare them.
 */
@ExtendWith(OutputCaptureExtension.class)
class SchemaCheckIT {

	static String baseUrl;

	static String token;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApiOrmAutoConfiguration.class));

	@BeforeAll
	static void start() {
		baseUrl = DrfServer.get().baseUrl();
		token = DrfServer.get().token();
	}

	private ApplicationContextRunner against(String check) {
		return this.runner.withPropertyValues("api-orm.base-url=" + baseUrl, "api-orm.token=" + token,
				"api-orm.auth-scheme=Token", "api-orm.schema.location=" + baseUrl + "/api/schema/",
				"api-orm.schema.check=" + check);
	}

	@Test
	void modelsAndQueriesTheServerDeclaresStartAndFiltersItDeclaresRun() {
		against("fail").withUserConfiguration(GoodRepositories.class).run((context) -> {
			assertThat(context).hasNotFailed();
			MemberQueries members = context.getBean(MemberQueries.class);
			assertThat(members.findByNameAndAgeGreaterThan("nobody-" + System.nanoTime(), 200)).isEmpty();
			assertThat(members.filter("name__icontains", "x").filter("role__n", "banned").count()).isNotNegative();
			// The document declares role__n beside role: exclude() is on without the
			// property.
			assertThat(members.filter("name", "nobody-" + System.nanoTime()).exclude("role", "banned").list())
				.isEmpty();
		});
	}

	@Test
	void aFilterTheDocumentDoesNotDeclareFailsBeforeItIsSent() {
		against("fail").withUserConfiguration(GoodRepositories.class).run((context) -> {
			MemberQueries members = context.getBean(MemberQueries.class);
			assertThatExceptionOfType(UnsupportedQueryException.class)
				.isThrownBy(() -> members.filter("email__contains", "x").list())
				.withMessageContaining("declares no parameter 'email__contains' for GET /api/v1/users/");
		});
	}

	@Test
	void everyProblemIsListedInOneStartUpFailure() {
		against("fail").withUserConfiguration(BadRepositories.class).run((context) -> {
			assertThat(context).hasFailed();
			String message = rootMessage(context.getStartupFailure());
			assertThat(message).contains("api-orm.schema.check=fail")
				.contains("Member: BadQueries.findByEmailContaining sends the parameter 'email__contains', which GET "
						+ "/api/v1/users/ does not declare")
				.contains("MisdeclaredMember.nickname: the API's records at /api/v1/users/ have no field 'nickname'")
				.contains("MisdeclaredMember.email: the API's field 'email' is string, which Integer cannot hold")
				.contains("Ghost: the endpoint /api/v1/ghosts/ has no GET in the API's OpenAPI document");
		});
	}

	@Test
	void warnStartsAndLogsEachProblem(CapturedOutput output) {
		against("warn").withUserConfiguration(BadRepositories.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("against its OpenAPI document: Ghost: the endpoint /api/v1/ghosts/ has no GET");
		});
	}

	@Test
	void offDoesNotReadTheDocument() {
		this.runner
			.withPropertyValues("api-orm.base-url=" + baseUrl, "api-orm.schema.location=http://127.0.0.1:1/nothing",
					"api-orm.schema.check=off")
			.withUserConfiguration(BadRepositories.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void anUnreadableDocumentStopsStartUpNamingTheProperty() {
		this.runner
			.withPropertyValues("api-orm.base-url=" + baseUrl, "api-orm.schema.location=classpath:no-such-schema.json")
			.run((context) -> assertThat(rootMessage(context.getStartupFailure()))
				.contains("Invalid value 'classpath:no-such-schema.json' for api-orm.schema.location"));
	}

	private static String rootMessage(Throwable failure) {
		Throwable current = failure;
		StringBuilder messages = new StringBuilder();
		while (current != null) {
			messages.append(current.getMessage()).append('\n');
			current = current.getCause();
		}
		return messages.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableApiRepositories(basePackageClasses = MemberQueries.class)
	static class GoodRepositories {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableApiRepositories(basePackageClasses = BadQueries.class)
	static class BadRepositories {

	}

}
