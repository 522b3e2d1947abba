package dev.authbackbone.adapter.in.http;

/** A JSON answer that is only a sentence, such as "a link has been sent". */
record MessageBody(String message) {}
