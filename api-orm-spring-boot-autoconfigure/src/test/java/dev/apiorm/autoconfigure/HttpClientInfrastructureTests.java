package dev.apiorm.autoconfigure;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;

import dev.apiorm.ApiOrm;
import dev.apiorm.autoconfigure.app.Person;
import dev.apiorm.core.ApiTemplates;
import dev.apiorm.core.ClientConnectorFactory;
import dev.apiorm.exception.ApiConnectionException;
import dev.apiorm.exception.ConfigurationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRoutes;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Boot's HTTP client infrastructure under api-orm's clients: an HTTPS API whose
 * self-signed certificate is trusted through an SSL bundle, over HTTP/1.1 and over h2
 * (ALPN), and {@code spring.http.clients.*} as the defaults of api-orm's keys.
 */
class HttpClientInfrastructureTests {

	@TempDir
	static Path directory;

	static Path certificate;

	static DisposableServer http11;

	static DisposableServer http2;

	static final List<String> protocols = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, SslAutoConfiguration.class,
				HttpClientAutoConfiguration.class, WebClientAutoConfiguration.class, ApiOrmAutoConfiguration.class));

	@BeforeAll
	static void serversWithASelfSignedCertificate() throws Exception {
		Path keyStore = directory.resolve("upstream.p12");
		certificate = directory.resolve("upstream.pem");
		keytool("-genkeypair", "-alias", "upstream", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
				"CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keyStore.toString(),
				"-storetype", "PKCS12", "-storepass", "secret", "-keypass", "secret");
		keytool("-exportcert", "-rfc", "-alias", "upstream", "-keystore", keyStore.toString(), "-storepass", "secret",
				"-file", certificate.toString());
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			store.load(in, "secret".toCharArray());
		}
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, "secret".toCharArray());
		http11 = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.secure((spec) -> spec.sslContext(Http11SslContextSpec.forServer(keys)))
			.route(HttpClientInfrastructureTests::people)
			.bindNow();
		http2 = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.protocol(HttpProtocol.H2, HttpProtocol.HTTP11)
			.secure((spec) -> spec.sslContext(Http2SslContextSpec.forServer(keys)))
			.route(HttpClientInfrastructureTests::people)
			.bindNow();
	}

	private static void people(HttpServerRoutes routes) {
		routes.get("/people/1/", (request, response) -> {
			protocols.add(request.protocol());
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"id\":1,\"name\":\"Ann\"}"));
		});
	}

	private static void keytool(String... arguments) throws Exception {
		List<String> command = new java.util.ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

	@AfterAll
	static void stop() {
		http11.disposeNow();
		http2.disposeNow();
	}

	@BeforeEach
	void forget() {
		protocols.clear();
	}

	private static String url(DisposableServer server) {
		return "https://127.0.0.1:" + server.port();
	}

	private static String trust(String bundle) {
		return "spring.ssl.bundle.pem." + bundle + ".truststore.certificate=" + certificate.toUri();
	}

	@Test
	void anApiWhoseCertificateAnSslBundleTrustsIsReachedOverHttp11() {
		this.runner
			.withPropertyValues("api-orm.base-url=" + url(http11), "api-orm.ssl.bundle=upstream", trust("upstream"))
			.run((context) -> {
				assertThat(context.getBean(ApiOrm.class).repository(Person.class).get(1L).getName()).isEqualTo("Ann");
				assertThat(protocols).containsExactly("HTTP/1.1");
			});
	}

	@Test
	void anHttp2ClientNegotiatesH2OverTlsWithTheBundle() {
		this.runner
			.withPropertyValues("api-orm.base-url=" + url(http2), "api-orm.http2=true", "api-orm.ssl.bundle=upstream",
					trust("upstream"))
			.run((context) -> {
				assertThat(context.getBean(ApiOrm.class).repository(Person.class).get(1L).getName()).isEqualTo("Ann");
				assertThat(protocols).containsExactly("HTTP/2.0");
			});
	}

	@Test
	void withoutTheBundleTheCertificateIsNotTrusted() {
		this.runner.withPropertyValues("api-orm.base-url=" + url(http11), trust("upstream")).run((context) -> {
			assertThatExceptionOfType(ApiConnectionException.class)
				.isThrownBy(() -> context.getBean(ApiOrm.class).repository(Person.class).get(1L));
			assertThat(protocols).isEmpty();
		});
	}

	@Test
	void bootsClientBundleIsTheDefaultOfEveryClientAndANamedClientInheritsTheDefaultClientsOwn() {
		this.runner
			.withPropertyValues("api-orm.base-url=" + url(http11), "spring.http.clients.ssl.bundle=upstream",
					trust("upstream"))
			.run((context) -> assertThat(context.getBean(ApiOrm.class).repository(Person.class).get(1L).getName())
				.isEqualTo("Ann"));
		this.runner
			.withPropertyValues("api-orm.base-url=https://api.example.com", "api-orm.ssl.bundle=upstream",
					"api-orm.clients.other.base-url=" + url(http11), trust("upstream"))
			.run((context) -> assertThat(context.getBean(ApiOrm.class)
				.webClient("other")
				.get()
				.uri("/people/1/")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(5))).contains("Ann"));
	}

	@Test
	void bootsClientSettingsAreTheDefaultsOfApiOrmsKeys() {
		this.runner
			.withPropertyValues("api-orm.base-url=https://api.example.com", "spring.http.clients.connect-timeout=7s",
					"spring.http.clients.redirects=dont-follow")
			.run((context) -> {
				var settings = context.getBean(ApiTemplates.class).getReactive("default").getSettings();
				assertThat(settings.http().connectTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(settings.http().redirects()).isEqualTo(dev.apiorm.core.ApiClientSettings.Redirects.NEVER);
			});
		this.runner
			.withPropertyValues("api-orm.base-url=https://api.example.com", "api-orm.connect-timeout=2s",
					"spring.http.clients.connect-timeout=7s", "spring.http.clients.redirects=follow")
			.run((context) -> {
				var settings = context.getBean(ApiTemplates.class).getReactive("default").getSettings();
				assertThat(settings.http().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.http().redirects())
					.isEqualTo(dev.apiorm.core.ApiClientSettings.Redirects.SAME_ORIGIN);
			});
	}

	@Test
	void withoutBootsHttpClientModuleClientsStartAndABundleIsRefusedRatherThanIgnored() {
		ApplicationContextRunner withoutModule = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, SslAutoConfiguration.class,
					ApiOrmAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.http.client."));
		withoutModule.withPropertyValues("api-orm.base-url=https://api.example.com")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ClientConnectorFactory.class));
		withoutModule
			.withPropertyValues("api-orm.base-url=" + url(http11), "api-orm.ssl.bundle=upstream", trust("upstream"))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessageContaining("api-orm.ssl.bundle"));
	}

	@Test
	void anUnknownBundleStopsStartUpNamingTheProperty() {
		this.runner
			.withPropertyValues("api-orm.base-url=" + url(http11), "api-orm.ssl.bundle=nowhere", trust("upstream"))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessageContaining("api-orm.ssl.bundle"));
	}

}
