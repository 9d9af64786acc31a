package dev.weft.internal.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class InvokerTest {
    /** Package-private, as workflow interfaces may be. */
    interface Calc {
        int add(int a, long b);

        void note(String s, List<String> into);

        String fail(String message) throws Exception;
    }

    private static final class CalcImpl implements Calc {
        @Override
        public int add(int a, long b) {
            return (int) (a + b);
        }

        @Override
        public void note(String s, List<String> into) {
            into.add(s);
        }

        @Override
        public String fail(String message) throws Exception {
            throw new Exception(message);
        }
    }

    @Test
    void anInvokerUnboxesArgumentsAndBoxesTheResult() throws Throwable {
        Stubs.Invoker add = Stubs.invoker(Calc.class.getMethod("add", int.class, long.class));
        assertEquals(42, add.invoke(new CalcImpl(), new Object[] {40, 2L}));
    }

    @Test
    void aVoidMethodReturnsNull() throws Throwable {
        List<String> into = new ArrayList<>();
        Stubs.Invoker note = Stubs.invoker(Calc.class.getMethod("note", String.class, List.class));
        assertNull(note.invoke(new CalcImpl(), new Object[] {"x", into}));
        assertEquals(List.of("x"), into);
    }

    @Test
    void whatTheMethodThrowsComesOutUnwrapped() throws Exception {
        Stubs.Invoker fail = Stubs.invoker(Calc.class.getMethod("fail", String.class));
        Exception e = assertThrows(Exception.class, () -> fail.invoke(new CalcImpl(), new Object[] {"no"}));
        assertEquals(Exception.class, e.getClass());
        assertEquals("no", e.getMessage());
    }

    @Test
    void eachMethodGetsOneInvoker() throws Exception {
        var m = Calc.class.getMethod("add", int.class, long.class);
        assertSame(Stubs.invoker(m), Stubs.invoker(m));
        assertSame(Stubs.invoker(m), Stubs.madeInvoker(m));
    }
}
