package io.github.sharepid.nativeimage;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import com.fasterxml.jackson.databind.util.ClassUtil;
import com.fasterxml.jackson.databind.util.Converter;
import io.github.sharepid.kube.fabric8.WireTypes;
import io.github.sharepid.output.FilePrinter;
import io.github.sharepid.output.PortPrinter;
import io.github.sharepid.output.PsDocument;
import io.github.sharepid.output.TopPrinter;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which classes Jackson reflects on when it reads or writes the given root types, found with Jackson's
 * own introspection: each bean's properties (getters, setters, fields, creator parameters, any-getter
 * and any-setter, {@code @JsonValue}) lead to their types, type arguments and element types, every
 * supertype is included (Jackson reads their members too), and every class an annotation names
 * ({@code @JsonDeserialize(using = ..., as = ..., builder = ...)}, {@code @JsonSubTypes}, converters) is
 * followed. JDK and Jackson types are left to the JDK and to Jackson's own metadata.
 * <p>
 * Pure: no GraalVM API and no I/O, so the same walk serves the image build (JacksonReflectionFeature)
 * and the JVM test that checks it against what Jackson really touches (JacksonCoverageTest).
 */
public final class JacksonReach {
    /** Types whose instances Jackson creates itself, by their no-argument constructor, when an annotation names them. */
    private static final List<Class<?>> HANDLERS = List.of(JsonSerializer.class, JsonDeserializer.class,
            KeyDeserializer.class, Converter.class, TypeIdResolver.class, TypeResolverBuilder.class,
            ValueInstantiator.class);

    private final ObjectMapper mapper;
    private final Set<Class<?>> beans = new LinkedHashSet<>();
    private final Set<Class<?>> instantiated = new LinkedHashSet<>();
    private final Deque<Class<?>> todo = new ArrayDeque<>();

    private JacksonReach(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * What kubectl-sharepid registers: the wire types through a mapper configured as fabric8 configures
     * its own, and the documents our printers write through a plain one, as output.Structured does.
     */
    public static ReflectionPlan kubectlSharepid() {
        return of(WireTypes.mapper(), WireTypes.ROOTS).plus(of(new ObjectMapper(), ownDocuments()));
    }

    /** The records and beans our printers hand to Jackson (the other documents are maps). */
    public static List<Class<?>> ownDocuments() {
        return List.of(PsDocument.Document.class, PortPrinter.Document.class, FilePrinter.Document.class,
                TopPrinter.Document.class);
    }

    /** Everything Jackson reflects on to read or write {@code roots} with {@code mapper}. */
    public static ReflectionPlan of(ObjectMapper mapper, Collection<Class<?>> roots) {
        JacksonReach reach = new JacksonReach(mapper);
        roots.forEach(reach::addBean);
        while (!reach.todo.isEmpty()) {
            reach.walk(reach.todo.removeFirst());
        }
        return new ReflectionPlan(reach.beans, reach.instantiated);
    }

    /** JDK and Jackson classes are not ours to register; arrays are followed to their elements. */
    static boolean outside(Class<?> c) {
        String name = c.getName();
        return c.isPrimitive() || c.isArray() || name.startsWith("java.") || name.startsWith("javax.")
                || name.startsWith("jdk.") || name.startsWith("sun.") || name.startsWith("com.fasterxml.jackson.");
    }

    private void addBean(Class<?> c) {
        if (!outside(c) && beans.add(c)) {
            todo.add(c);
        }
    }

    private void walk(Class<?> c) {
        JavaType type = mapper.getTypeFactory().constructType(c);
        for (JavaType s : ClassUtil.findSuperTypes(type, null, false)) {
            addBean(s.getRawClass());
        }
        SerializationConfig ser = mapper.getSerializationConfig();
        DeserializationConfig de = mapper.getDeserializationConfig();
        for (BeanDescription d : List.of(ser.introspect(type), de.introspect(type))) {
            for (BeanPropertyDefinition p : d.findProperties()) {
                follow(p.getPrimaryType());
            }
            follow(d.findAnyGetter());
            follow(d.findAnySetterAccessor());
            follow(d.findJsonValueAccessor());
        }
        annotationTargets(c);
    }

    private void follow(AnnotatedMember m) {
        if (m instanceof AnnotatedMethod method && method.getParameterCount() > 0) {
            for (int i = 0; i < method.getParameterCount(); i++) {
                follow(method.getParameterType(i));
            }
        } else if (m != null) {
            follow(m.getType());
        }
    }

    /** The type itself, its element, key and content types, and its type arguments. */
    private void follow(JavaType t) {
        if (t == null) {
            return;
        }
        if (t.isContainerType() || t.isReferenceType()) {
            follow(t.getContentType());
            follow(t.getKeyType());
        }
        for (int i = 0; i < t.containedTypeCount(); i++) {
            follow(t.containedType(i));
        }
        addBean(t.getRawClass());
    }

    /** Classes named by Jackson annotations on the class, its members and their parameters. */
    private void annotationTargets(Class<?> c) {
        List<AnnotatedElement> elements = new ArrayList<>();
        elements.add(c);
        elements.addAll(Arrays.asList(c.getDeclaredFields()));
        List<Executable> executables = new ArrayList<>(Arrays.asList(c.getDeclaredMethods()));
        executables.addAll(Arrays.asList(c.getDeclaredConstructors()));
        for (Executable e : executables) {
            elements.add(e);
            for (Parameter p : e.getParameters()) {
                elements.add(p);
            }
        }
        for (AnnotatedElement e : elements) {
            for (Annotation a : e.getDeclaredAnnotations()) {
                if (a.annotationType().getName().startsWith("com.fasterxml.jackson.")) {
                    namedClasses(a);
                }
            }
        }
    }

    /** Class-valued attributes, also inside nested annotations ({@code @JsonSubTypes({@Type(X.class)})}). */
    private void namedClasses(Annotation a) {
        for (Method attribute : a.annotationType().getDeclaredMethods()) {
            Object value;
            try {
                value = attribute.invoke(a);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + attribute + " of " + a, e);
            }
            Object[] values = value instanceof Object[] array ? array : new Object[] {value};
            for (Object v : values) {
                if (v instanceof Class<?> named) {
                    target(named);
                } else if (v instanceof Annotation nested) {
                    namedClasses(nested);
                }
            }
        }
    }

    private void target(Class<?> named) {
        if (outside(named)) {
            return; // also the "none" markers: JsonDeserializer.None, Void, NoClass
        }
        if (HANDLERS.stream().anyMatch(h -> h.isAssignableFrom(named))) {
            instantiated.add(named);
        } else {
            addBean(named);
        }
    }
}
