package io.github.sharepid.nativeimage;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the native image registers for Jackson, as plain data the JVM tests can read: the bean classes,
 * whose declared constructors, methods and fields (and record components) are all registered, because
 * Jackson lists them and then calls the ones it picked; and the handler classes (custom serializers and
 * deserializers named in annotations), which Jackson only instantiates.
 *
 * @param beans        classes Jackson introspects as beans, their supertypes included
 * @param instantiated classes Jackson creates through their no-argument constructor
 */
public record ReflectionPlan(Set<Class<?>> beans, Set<Class<?>> instantiated) {
    public ReflectionPlan {
        beans = Set.copyOf(beans);
        instantiated = Set.copyOf(instantiated);
    }

    /** Every class the plan registers. */
    public Set<Class<?>> classes() {
        Set<Class<?>> all = new LinkedHashSet<>(beans);
        all.addAll(instantiated);
        return all;
    }

    /** The constructors registered for invocation: all of the beans' and the handlers'. */
    public List<Constructor<?>> constructors() {
        List<Constructor<?>> all = new ArrayList<>();
        classes().forEach(c -> all.addAll(Arrays.asList(c.getDeclaredConstructors())));
        return all;
    }

    /** The methods registered for invocation: all declared by a bean class (getters, setters, any-getters, ...). */
    public List<Method> methods() {
        List<Method> all = new ArrayList<>();
        beans.forEach(c -> all.addAll(Arrays.asList(c.getDeclaredMethods())));
        return all;
    }

    /** The fields registered for reading and writing: all declared by a bean class. */
    public List<Field> fields() {
        List<Field> all = new ArrayList<>();
        beans.forEach(c -> all.addAll(Arrays.asList(c.getDeclaredFields())));
        return all;
    }

    /** The records among the beans: Jackson names their properties from the record components. */
    public List<Class<?>> records() {
        return beans.stream().filter(Class::isRecord).toList();
    }

    /** Both plans' registrations. */
    public ReflectionPlan plus(ReflectionPlan other) {
        Set<Class<?>> b = new LinkedHashSet<>(beans);
        b.addAll(other.beans);
        Set<Class<?>> i = new LinkedHashSet<>(instantiated);
        i.addAll(other.instantiated);
        return new ReflectionPlan(b, i);
    }
}
