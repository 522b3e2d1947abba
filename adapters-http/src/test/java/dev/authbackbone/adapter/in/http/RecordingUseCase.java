package dev.authbackbone.adapter.in.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The common part of the use-case fakes: it records every command it gets and answers with
 * whatever the test set (by default a success), so tests can assert that nothing reached it.
 */
class RecordingUseCase<C, R> {

    private final List<C> commands = new ArrayList<>();
    private final R success;
    private Function<C, R> answer;

    RecordingUseCase(R success) {
        this.success = success;
        this.answer = command -> success;
    }

    synchronized R handle(C command) {
        commands.add(command);
        return answer.apply(command);
    }

    /** Answer every further command with {@code result}. */
    synchronized void answer(R result) {
        this.answer = command -> result;
    }

    /** Answer every further command by computing the result (for fakes that fail or block). */
    synchronized void answerWith(Function<C, R> answer) {
        this.answer = answer;
    }

    synchronized List<C> commands() {
        return List.copyOf(commands);
    }

    synchronized void reset() {
        commands.clear();
        answer = command -> success;
    }
}
