package dev.apiorm.test.docs;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the documentation's examples: its models and repositories are those
 * of this package.
 */
@SpringBootApplication
public class DocsApplication {

}
