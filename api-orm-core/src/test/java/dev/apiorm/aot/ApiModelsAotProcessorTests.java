package dev.apiorm.aot;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;
import org.springframework.javapoet.ClassName;

import dev.apiorm.ApiRepository;
import dev.apiorm.ReactiveApiRepository;
import dev.apiorm.fixtures.Invoice;
import dev.apiorm.fixtures.Profile;
import dev.apiorm.fixtures.User;
import dev.apiorm.repository.support.ApiRepositoryFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The models of an application's repositories get reflection hints at build time: those
 * of declared repository interfaces (behind their factory beans) and those of the generic
 * {@code ApiRepository<Model>} beans, which no interface names; a model no repository
 * serves gets none.
 */
class ApiModelsAotProcessorTests {

	interface InvoiceApi extends ReactiveApiRepository<Invoice> {

	}

	private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

	private RuntimeHints process() {
		BeanFactoryInitializationAotContribution contribution = new ApiModelsAotProcessor()
			.processAheadOfTime(this.beanFactory);
		assertThat(contribution).isNotNull();
		GenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "Application")), new InMemoryGeneratedFiles());
		contribution.applyTo(generation, mock(BeanFactoryInitializationCode.class));
		return generation.getRuntimeHints();
	}

	@Test
	void theModelsOfDeclaredAndGenericRepositoriesAreBoundReflectively() throws NoSuchMethodException {
		RootBeanDefinition declared = new RootBeanDefinition(ApiRepositoryFactoryBean.class);
		declared.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, InvoiceApi.class);
		this.beanFactory.registerBeanDefinition("invoiceApi", declared);
		RootBeanDefinition generic = new RootBeanDefinition();
		generic.setFactoryBeanName("apiOrm");
		generic.setFactoryMethodName("repository");
		generic.setTargetType(ResolvableType.forClassWithGenerics(ApiRepository.class, Profile.class));
		this.beanFactory.registerBeanDefinition("profileApiRepository", generic);
		this.beanFactory.registerBeanDefinition("unrelated", new RootBeanDefinition(String.class));

		RuntimeHints hints = process();

		assertThat(RuntimeHintsPredicates.reflection().onType(Invoice.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Profile.class, "getTags")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Profile.class, "setTags")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(Profile.class.getDeclaredConstructor()))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(User.class)).rejects(hints);
	}

	@Test
	void withoutRepositoriesThereIsNothingToContribute() {
		this.beanFactory.registerBeanDefinition("unrelated", new RootBeanDefinition(String.class));
		assertThat(new ApiModelsAotProcessor().processAheadOfTime(this.beanFactory)).isNull();
	}

}
