package com.wedsync.perf.gate.input;

import com.wedsync.perf.service.api.ApiException;

/** Input that is not what it claims to be: a 400 whose detail names the file or field and what is wrong with it. */
public class InvalidInput extends ApiException {

    public InvalidInput(String where, String problem) {
        super(400, "invalid_input", where + ": " + problem);
    }
}
