package org.lifecert.face;

/** A model file is missing or corrupt; the message names the file and the command that restores it. */
public class ModelUnavailableException extends RuntimeException {
    public static final String RESTORE_COMMAND = "./mvnw -pl libs/face-engine process-resources";

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    static ModelUnavailableException forModel(String file, String problem, Throwable cause) {
        return new ModelUnavailableException("face model " + file + " " + problem
                + "; restore it with `" + RESTORE_COMMAND + "` (run from the repository root)", cause);
    }
}
