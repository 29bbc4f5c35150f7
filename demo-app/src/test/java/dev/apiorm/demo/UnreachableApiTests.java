package dev.apiorm.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asked to walk through an API that is not there, the demo says so in one line and
 * starts.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = { "api-orm.base-url=http://127.0.0.1:9",
		"demo.walk-through=true", "api-orm.retry.max-attempts=1" })
class UnreachableApiTests {

	@Test
	void anUnreachableApiIsOneLine(CapturedOutput output) {
		assertThat(output).contains("The walk-through stopped: the API cannot be reached (");
		assertThat(output.getAll().lines().filter((line) -> line.contains("WalkThrough"))).hasSize(2);
	}

}
