package dev.apiorm.conformance.spring;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.rest.core.event.ValidatingRepositoryEventListener;
import org.springframework.data.rest.webmvc.config.RepositoryRestConfigurer;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import dev.apiorm.conformance.ServerProcesses;
import dev.apiorm.conformance.odata.ODataBooksServlet;

/**
 * The servers of the {@code spring-data-rest}, {@code spring-page} and {@code odata}
 * dialects' tests, and of servers those dialects were not designed for, in one
 * application on 127.0.0.1 started once per test run: Spring Data REST at
 * {@code /rest/books}, {@link BookController} at {@code /page/books} and
 * {@link PageDtoBookController} (a page DTO like spring-petclinic-rest's) at
 * {@code /dto/books}, over one H2 database holding the books of
 * {@code conformance/books.json}; {@link OwnerController} (petclinic's v1 owners, whose
 * {@code lastName} matches by prefix) at {@code /petclinic/api/owners} over the owners of
 * {@code conformance/owners.json}; and an Apache Olingo OData service of its own copy of
 * the books at {@code /odata/books}. It stops with the JVM.
 */
@SpringBootApplication(excludeName = { "dev.apiorm.autoconfigure.ApiOrmAutoConfiguration",
		"dev.apiorm.autoconfigure.ApiRepositoriesAutoConfiguration",
		"dev.apiorm.autoconfigure.ApiOrmHealthContributorAutoConfiguration" })
public class SpringBooksServer {

	private static @Nullable Running running;

	/**
	 * The running server, started on first use.
	 * @return the server
	 */
	public static synchronized Running get() {
		if (running == null) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(SpringBooksServer.class)
				.web(WebApplicationType.SERVLET)
				.properties("server.address=127.0.0.1", "server.port=0", "spring.data.rest.base-path=/rest",
						// Servers cap page sizes: the clients ask 4 and must adopt 3.
						"spring.data.rest.max-page-size=3", "spring.data.web.pageable.max-page-size=3",
						"spring.datasource.url=jdbc:h2:mem:books;DB_CLOSE_DELAY=-1",
						"spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
						"spring.web.error.include-binding-errors=always", "spring.web.error.include-message=always",
						"spring.main.banner-mode=off", "logging.level.root=WARN")
				.run();
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			running = new Running("http://127.0.0.1:" + port);
			Runtime.getRuntime().addShutdownHook(new Thread(context::close, "spring-books-stop"));
		}
		return running;
	}

	@Bean
	org.springframework.boot.ApplicationRunner loadBooks(StoredBooks books) {
		return (arguments) -> {
			StoredBook[] all = JsonMapper.builder().build().readValue(Files.readString(dataset()), StoredBook[].class);
			for (StoredBook book : all) {
				book.setId(null);
				books.save(book);
			}
		};
	}

	@Bean
	org.springframework.boot.ApplicationRunner loadOwners(StoredOwners owners) {
		return (arguments) -> {
			Path file = Path.of(System.getProperty("conformance.owners", "../conformance/owners.json"));
			for (StoredOwner owner : JsonMapper.builder()
				.build()
				.readValue(Files.readString(file), StoredOwner[].class)) {
				owner.setId(null);
				owners.save(owner);
			}
		};
	}

	@Bean
	LocalValidatorFactoryBean validator() {
		return new LocalValidatorFactoryBean();
	}

	/** The OData v4 service, on Apache Olingo, at {@code /odata}. */
	@Bean
	ServletRegistrationBean<ODataBooksServlet> odataBooks() {
		return new ServletRegistrationBean<>(new ODataBooksServlet(dataset()), "/odata/*");
	}

	private static Path dataset() {
		return Path.of(System.getProperty("conformance.books", "../conformance/books.json"));
	}

	/** Spring Data REST validates what it saves and answers 400 with the field errors. */
	@Bean
	RepositoryRestConfigurer validation(LocalValidatorFactoryBean validator) {
		return new RepositoryRestConfigurer() {

			@Override
			public void configureValidatingRepositoryEventListener(ValidatingRepositoryEventListener listener) {
				listener.addValidator("beforeCreate", validator);
				listener.addValidator("beforeSave", validator);
			}

		};
	}

	/**
	 * The started server.
	 *
	 * @param baseUrl its URL, {@code http://127.0.0.1:<port>}
	 */
	public record Running(String baseUrl) {

		/**
		 * A record as the server holds it, read without api-orm; {@code null} when it has
		 * none.
		 * @param path the record's path ({@code /rest/books/3})
		 * @return the record
		 */
		public @Nullable JsonNode record(String path) {
			return ServerProcesses.record(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.header("Accept", "application/json")
				.build());
		}

	}

}
