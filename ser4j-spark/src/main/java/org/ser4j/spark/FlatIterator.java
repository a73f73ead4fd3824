package org.ser4j.spark;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The rows of each input in turn, computed as they are asked for, so a partition's files are decoded one at a
 * time as Spark consumes the rows rather than all before the first row leaves.
 */
final class FlatIterator<I, O> implements Iterator<O> {

    private final Iterator<I> inputs;
    private final Function<I, List<O>> expand;
    private Iterator<O> current = List.<O>of().iterator();

    FlatIterator(Iterator<I> inputs, Function<I, List<O>> expand) {
        this.inputs = inputs;
        this.expand = expand;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && inputs.hasNext()) {
            current = expand.apply(inputs.next()).iterator();
        }
        return current.hasNext();
    }

    @Override
    public O next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
