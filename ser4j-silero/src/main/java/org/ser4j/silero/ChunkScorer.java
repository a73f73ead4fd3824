package org.ser4j.silero;

/**
 * The speech probability of successive chunks of one recording; stateful, one per stream. The ONNX model is one;
 * tests put scripted probabilities behind it to check the decisions without the model.
 */
interface ChunkScorer {

    /**
     * Scores the next chunk.
     *
     * @param window the context samples (the end of the previous chunk, zeros at first) then the new chunk;
     *               read, not kept
     * @return the probability that the chunk is speech
     */
    float score(float[] window);
}
