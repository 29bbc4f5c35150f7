package dev.apiorm.demo;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pointed at an API of its own, the demo does not run the walk-through, which would
 * create and delete users there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = "api-orm.base-url=http://127.0.0.1:9")
class WalkThroughConditionTests {

	@Autowired
	ApplicationContext context;

	@Test
	void aConfiguredApiIsNotWrittenToUnlessAsked() {
		assertThat(this.context.getBeanNamesForType(WalkThrough.class)).isEmpty();
		assertThat(this.context.getEnvironment().getProperty("demo.sample-upstream")).isNull();
	}

}
