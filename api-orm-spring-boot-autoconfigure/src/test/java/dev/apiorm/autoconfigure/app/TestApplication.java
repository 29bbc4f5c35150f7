package dev.apiorm.autoconfigure.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application whose package is scanned for models and repositories.
 */
@SpringBootApplication
public class TestApplication {

}
