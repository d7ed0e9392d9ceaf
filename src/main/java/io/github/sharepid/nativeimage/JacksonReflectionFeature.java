package io.github.sharepid.nativeimage;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import org.graalvm.nativeimage.hosted.Feature;
import org.graalvm.nativeimage.hosted.RuntimeReflection;

/**
 * Registers for reflection, while the native image is built, every class Jackson reaches from the types
 * kubectl-sharepid reads and writes ({@link JacksonReach#kubectlSharepid()}), for the fabric8 version on
 * the build's class path: a fabric8 upgrade that adds a field is covered without anyone listing it.
 * Enabled by {@code --features} in this project's native-image.properties; never loaded on the JVM.
 * It reads nothing but classes: no environment, no files, and it initializes nothing for the image.
 */
public final class JacksonReflectionFeature implements Feature {
    @Override
    public String getDescription() {
        return "Registers what Jackson reflects on for kubectl-sharepid's Kubernetes, kubeconfig and output types";
    }

    @Override
    public void beforeAnalysis(BeforeAnalysisAccess access) {
        ReflectionPlan plan = JacksonReach.kubectlSharepid();
        for (Class<?> c : plan.classes()) {
            RuntimeReflection.register(c);
            RuntimeReflection.registerAllDeclaredConstructors(c);
            RuntimeReflection.registerAllDeclaredMethods(c);
            RuntimeReflection.registerAllDeclaredFields(c);
        }
        plan.records().forEach(RuntimeReflection::registerAllRecordComponents);
        RuntimeReflection.register(plan.constructors().toArray(Executable[]::new));
        RuntimeReflection.register(plan.methods().toArray(Executable[]::new));
        RuntimeReflection.register(plan.fields().toArray(Field[]::new));
        System.out.println("kubectl-sharepid: registered " + plan.beans().size() + " classes Jackson introspects and "
                + plan.instantiated().size() + " it instantiates");
    }
}
