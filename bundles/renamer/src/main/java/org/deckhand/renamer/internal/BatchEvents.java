package org.deckhand.renamer.internal;

/** Where a batch's progress is told: EventAdmin in the server. Called on the batch's thread. */
interface BatchEvents {

    /**
     * @param batch a batch whose moves (or, for an undo, moves back) begin
     * @param undo whether it is being undone
     */
    void started(Batch batch, boolean undo);

    /**
     * @param batch the batch
     * @param done moves made, failed or skipped so far
     * @param total moves in all
     */
    void progress(Batch batch, long done, long total);

    /** @param batch a batch whose moves are all made or failed */
    void completed(Batch batch);

    /** @param batch a batch that is undone @param skipped files left where the batch put them */
    void undone(Batch batch, long skipped);

    /** @param batch a batch that stopped @param message why */
    void failed(Batch batch, String message);

    /** Events that go nowhere, for tools that run a batch outside the server. */
    BatchEvents NONE = new BatchEvents() {
        @Override
        public void started(Batch batch, boolean undo) {
        }

        @Override
        public void progress(Batch batch, long done, long total) {
        }

        @Override
        public void completed(Batch batch) {
        }

        @Override
        public void undone(Batch batch, long skipped) {
        }

        @Override
        public void failed(Batch batch, String message) {
        }
    };
}
