package org.consentry.bench;

import java.lang.reflect.Field;

/** Sets the injected fields of the application's beans outside a container, for benchmarks only. */
final class Fields {

    private Fields() {
    }

    static <T> T set(T target, String name, Object value) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                f.set(target, value);
                return target;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no field " + name + " in " + target.getClass());
    }
}
