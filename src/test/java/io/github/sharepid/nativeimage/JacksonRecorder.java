package io.github.sharepid.nativeimage;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.cfg.HandlerInstantiator;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.lang.reflect.Member;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records, on the JVM, what Jackson itself reflects on: every class it builds a bean serializer or
 * deserializer for, every member those use (getters, setters, fields, creators, any-getter, any-setter),
 * and every handler class (custom serializer, deserializer, ...) it instantiates. What a native image
 * must have registered, as Jackson sees it, independently of {@link JacksonReach}'s walk.
 */
final class JacksonRecorder {
    final Set<Class<?>> beans = ConcurrentHashMap.newKeySet();
    final Set<Member> members = ConcurrentHashMap.newKeySet();
    final Set<Class<?>> instantiated = ConcurrentHashMap.newKeySet();

    /** Installs the recorder on {@code mapper}; call before anything else configures it (fabric8 wraps the instantiator). */
    ObjectMapper attachTo(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("sharepid-recorder");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                             List<BeanPropertyWriter> properties) {
                beans.add(bean.getBeanClass());
                properties.forEach(p -> member(p.getMember()));
                member(bean.findAnyGetter());
                member(bean.findJsonValueAccessor());
                return properties;
            }
        });
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                                                         BeanDeserializerBuilder builder) {
                beans.add(bean.getBeanClass());
                for (Iterator<SettableBeanProperty> it = builder.getProperties(); it.hasNext(); ) {
                    member(it.next().getMember());
                }
                if (builder.getAnySetter() != null) {
                    member(builder.getAnySetter().getProperty().getMember());
                }
                ValueInstantiator creators = builder.getValueInstantiator();
                if (creators != null) {
                    member(creators.getDefaultCreator());
                    member(creators.getWithArgsCreator());
                    member(creators.getDelegateCreator());
                }
                return builder;
            }
        });
        mapper.setHandlerInstantiator(new Instantiations());
        return mapper.registerModule(module);
    }

    private void member(AnnotatedMember m) {
        if (m != null && m.getMember() != null) {
            members.add(m.getMember());
        }
    }

    /** Sees every handler class Jackson is about to create from an annotation, and lets Jackson create it. */
    private final class Instantiations extends HandlerInstantiator {
        @Override
        public JsonDeserializer<?> deserializerInstance(DeserializationConfig config, Annotated annotated,
                                                        Class<?> deserClass) {
            instantiated.add(deserClass);
            return null;
        }

        @Override
        public KeyDeserializer keyDeserializerInstance(DeserializationConfig config, Annotated annotated,
                                                       Class<?> keyDeserClass) {
            instantiated.add(keyDeserClass);
            return null;
        }

        @Override
        public JsonSerializer<?> serializerInstance(SerializationConfig config, Annotated annotated, Class<?> serClass) {
            instantiated.add(serClass);
            return null;
        }

        @Override
        public TypeResolverBuilder<?> typeResolverBuilderInstance(MapperConfig<?> config, Annotated annotated,
                                                                  Class<?> builderClass) {
            instantiated.add(builderClass);
            return null;
        }

        @Override
        public TypeIdResolver typeIdResolverInstance(MapperConfig<?> config, Annotated annotated, Class<?> resolverClass) {
            instantiated.add(resolverClass);
            return null;
        }
    }
}
