package dev.weft.engine;

/**
 * A Lambda function the engine runs for {@code ScheduleLambdaFunction} decisions, in place of AWS
 * Lambda. Register it under the function name that decisions use:
 *
 * <pre>{@code
 * SwfEngine engine = SwfEngine.builder()
 *     .lambdaFunction("resize", input -> input.toUpperCase())
 *     .build();
 * }</pre>
 *
 * <p>The function runs on an engine thread. Its return value becomes the result of the
 * {@code LambdaFunctionCompleted} event; an exception becomes a {@code LambdaFunctionFailed}
 * event whose reason is the exception's class name and whose details are its message.
 */
@FunctionalInterface
public interface LambdaFunction {
    /**
     * Runs the function.
     *
     * @param input the decision's input, or null if it gave none
     * @return the result, at most 32,768 characters; null for none
     * @throws Exception to fail the invocation
     */
    String invoke(String input) throws Exception;
}
