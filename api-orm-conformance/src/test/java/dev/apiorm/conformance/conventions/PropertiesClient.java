package dev.apiorm.conformance.conventions;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import dev.apiorm.ApiOrm;
import dev.apiorm.autoconfigure.ApiOrmAutoConfiguration;

/**
 * An api-orm client configured only by properties: a Spring Boot application whose
 * configuration file is one YAML resource of {@code conventions/} (the file the docs
 * show), with the server's port and the page size of the conformance suite given as
 * command-line arguments, which take precedence over the file.
 */
public final class PropertiesClient implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private PropertiesClient(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the application.
	 * @param resource the YAML file ({@code conventions/feathers.yml})
	 * @param arguments {@code --key=value} arguments laid over it
	 * @return the client
	 */
	public static PropertiesClient start(String resource, String... arguments) {
		List<String> args = new ArrayList<>(List.of(arguments));
		args.add("--spring.config.location=classpath:/" + resource);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(args.toArray(String[]::new));
		return new PropertiesClient(context);
	}

	/**
	 * The application's api-orm.
	 * @return the {@link ApiOrm} bean
	 */
	public ApiOrm orm() {
		return this.context.getBean(ApiOrm.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ApiOrmAutoConfiguration.class)
	static class Application {

	}

}
