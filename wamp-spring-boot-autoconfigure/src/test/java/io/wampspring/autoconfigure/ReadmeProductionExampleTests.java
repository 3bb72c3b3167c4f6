package io.wampspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.wampspring.router.Realm;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.Authorizer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * The locked-down production configuration README.md shows, taken from README.md itself, starts the router: its
 * principals, hashed ticket, derived SCRAM values, limits and rules all bind and pass the start-up checks, and its
 * rules decide as the README says.
 */
class ReadmeProductionExampleTests {

    private static final Path README = Path.of(System.getProperty("basedir", ".")).resolve("../README.md");

    @Test
    void theReadmesProductionExampleStartsAndItsRulesDecideAsDocumented() throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("README production example",
                new ByteArrayResource(productionExample().getBytes(StandardCharsets.UTF_8)));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class))
                .withInitializer(context -> yaml.forEach(context.getEnvironment().getPropertySources()::addFirst))
                // what the example takes from the environment
                .withPropertyValues(
                        "BACKEND_PUBLIC_KEY=1dfafe7d2ca3b8ddf75776ffcd49379ef93003a152f82717ce6ef6d38047e6db",
                        "OPS_SCRAM_SALT=ZXJpbi1zYWx0LTE2Ynl0ZQ==",
                        "OPS_SCRAM_STORED_KEY=oxfAy6uj4WxtSmWJUi5EOqtXGXR+sIkTiyHKa0D1nGE=",
                        "OPS_SCRAM_SERVER_KEY=o3dAOla85BBGp/084LeqzZS2GPi0A0MFzXXnnb0+FEI=")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Realm shop = context.getBean(WampRouter.class).realm("shop");
                    assertThat(shop).isNotNull();
                    assertThat(context.getBean(WampProperties.class).getRealms().get(0).getAuthMethods())
                            .containsExactly("cryptosign", "wamp-scram", "ticket");
                    Authorizer authorizer = shop.broker().authorizer();
                    AuthIdentity kiosk = new AuthIdentity("kiosk", "customer", "ticket", "static");
                    AuthIdentity ops = new AuthIdentity("ops", "admin", "wamp-scram", "static");
                    assertThat(authorizer.isAuthorized(kiosk, Action.CALL, "com.shop.order.create")).isTrue();
                    assertThat(authorizer.isAuthorized(kiosk, Action.PUBLISH, "com.shop.order.created")).isFalse();
                    assertThat(authorizer.isAuthorized(kiosk, Action.CALL, "wamp.session.kill")).isFalse();
                    assertThat(authorizer.isAuthorized(ops, Action.CALL, "wamp.session.kill")).isTrue();
                });
    }

    /** The YAML block under README's "A locked-down production configuration". */
    private static String productionExample() throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf("### A locked-down production configuration");
        assertThat(section).as("README has the section").isPositive();
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}
