package dev.apiorm.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the slice tests find by searching up from their package.
 */
@SpringBootApplication
public class TestApplication {

}
