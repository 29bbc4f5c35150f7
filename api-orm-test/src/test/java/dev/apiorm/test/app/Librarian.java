package dev.apiorm.test.app;

import org.springframework.stereotype.Component;

/**
 * A component an {@code @ApiOrmTest} leaves out.
 */
@Component
public class Librarian {

}
