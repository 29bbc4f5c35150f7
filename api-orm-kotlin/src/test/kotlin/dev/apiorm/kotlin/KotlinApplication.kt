package dev.apiorm.kotlin

import org.springframework.boot.autoconfigure.SpringBootApplication

/**
 * The Kotlin application of these tests: its models and repositories are those of this package.
 */
@SpringBootApplication(proxyBeanMethods = false)
class KotlinApplication
