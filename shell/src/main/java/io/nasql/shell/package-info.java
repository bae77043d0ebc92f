package io.nasql.shell;
