/* The classroom copy's search index, read by $search_script: made by OTPIC Reader, do not edit. */
window.$search_global = {"version":2,"docs":[
$docs
]};
