package api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages depend one way. Features ({@code users}, {@code posts}, {@code votes}, {@code todos}, {@code logs},
 * {@code health}) may use {@code web}, {@code auth}, {@code db}, {@code metrics} and {@code config}, never one another;
 * {@code web} uses {@code auth} and {@code db}; {@code auth} at most {@code db} and {@code config}; {@code db} only
 * {@code config}; {@code server} only {@code web} and {@code config}; {@code config} and {@code metrics} on nothing
 * of the app. The pages ({@code api.pages}) use the features as {@code App} wires them and the shared layers; only
 * {@code App} uses the pages. Only {@code App} (the route table), the pages and {@code api.cli} (whose {@code todos}
 * commands need the todos and users DAOs, and which builds the app through {@code App}) use the features. Libraries
 * and the JDK do not count.
 */
class ArchitectureTest {
    private static final List<String> FEATURES = List.of("users", "posts", "votes", "todos", "logs", "health");
    private static final String[] FEATURE_PACKAGES =
            FEATURES.stream().map(feature -> "api." + feature + "..").toArray(String[]::new);

    private static final String PAGES = "api.pages..";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("api");

    @Test
    void no_feature_depends_on_another_feature() {
        slices().assignedFrom(new FeatureSlices())
                .should()
                .notDependOnEachOther()
                .check(CLASSES);
    }

    @Test
    void only_the_app_and_the_cli_depend_on_features() {
        noClasses()
                .that()
                .resideOutsideOfPackages(concat(FEATURE_PACKAGES, "api.cli..", PAGES))
                .and()
                .doNotBelongToAnyOf(App.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FEATURE_PACKAGES)
                .check(CLASSES);
    }

    @Test
    void features_depend_only_on_web_auth_db_metrics_and_config() {
        classes()
                .that()
                .resideInAnyPackage(FEATURE_PACKAGES)
                .should()
                .onlyDependOnClassesThat(outsideTheApp()
                        .or(resideInAnyPackage(concat(
                                FEATURE_PACKAGES,
                                "api.web..",
                                "api.auth..",
                                "api.db..",
                                "api.metrics..",
                                "api.config.."))))
                .check(CLASSES);
    }

    @Test
    void only_the_app_depends_on_the_pages() {
        noClasses()
                .that()
                .resideOutsideOfPackage(PAGES)
                .and()
                .doNotBelongToAnyOf(App.class)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(PAGES)
                .check(CLASSES);
    }

    @Test
    void pages_depend_only_on_features_web_auth_db_metrics_and_config() {
        onlyOn(PAGES, concat(FEATURE_PACKAGES, "api.web..", "api.auth..", "api.db..", "api.metrics..", "api.config.."));
    }

    @Test
    void web_depends_only_on_auth_and_db() {
        onlyOn("api.web..", "api.auth..", "api.db..");
    }

    @Test
    void auth_depends_only_on_db_and_config() {
        onlyOn("api.auth..", "api.db..", "api.config..");
    }

    @Test
    void db_depends_only_on_config() {
        onlyOn("api.db..", "api.config..");
    }

    @Test
    void server_depends_only_on_web_and_config() {
        onlyOn("api.server..", "api.web..", "api.config..");
    }

    @Test
    void config_depends_on_no_other_package_of_the_app() {
        onlyOn("api.config..");
    }

    @Test
    void metrics_depends_on_no_other_package_of_the_app() {
        onlyOn("api.metrics..");
    }

    @Test
    void the_packages_have_no_dependency_cycles() {
        slices().matching("api.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** Classes in {@code layer} depend on nothing of the app outside it but {@code allowed}. */
    private static void onlyOn(String layer, String... allowed) {
        classes()
                .that()
                .resideInAPackage(layer)
                .should()
                .onlyDependOnClassesThat(outsideTheApp().or(resideInAnyPackage(concat(allowed, layer))))
                .check(CLASSES);
    }

    private static DescribedPredicate<JavaClass> outsideTheApp() {
        return resideOutsideOfPackage("api..");
    }

    private static String[] concat(String[] packages, String... more) {
        return Stream.concat(Arrays.stream(packages), Arrays.stream(more)).toArray(String[]::new);
    }

    /** One slice per feature package; every other class is left out. */
    private static final class FeatureSlices implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String[] parts = javaClass.getPackageName().split("\\.");
            return parts.length >= 2 && parts[0].equals("api") && FEATURES.contains(parts[1])
                    ? SliceIdentifier.of(parts[1])
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "features";
        }
    }
}
