"use client";

export { default } from "../../../wall/error";
