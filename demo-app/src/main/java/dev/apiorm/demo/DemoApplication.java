package dev.apiorm.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A WebFlux application that uses api-orm the way its documentation does. Without
 * {@code api-orm.base-url} it talks to an embedded sample upstream, so it runs offline.
 */
@SpringBootApplication
public class DemoApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoApplication.class, args);
	}

}
